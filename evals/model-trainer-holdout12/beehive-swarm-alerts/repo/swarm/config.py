from dataclasses import dataclass, field


@dataclass
class SwarmConfig:
    hive_days_csv: str = "data/hive_days.csv"
    group_col: str = "apiary_id"
    test_size: float = 0.2
    val_size: float = 0.2
    seed: int = 1609
    lgbm: dict = field(default_factory=lambda: {
        "n_estimators": 3000,
        "learning_rate": 0.02,
        "num_leaves": 24,
        "min_child_samples": 30,
        "subsample": 0.8,
        "subsample_freq": 1,
        "colsample_bytree": 0.7,
        "class_weight": "balanced",
    })
    min_precision: float = 0.4
