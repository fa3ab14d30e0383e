"""Central configuration for the churn project."""
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Config:
    raw_path: Path = PROJECT_ROOT / "data" / "raw" / "subscribers.csv"
    processed_dir: Path = PROJECT_ROOT / "data" / "processed"
    model_dir: Path = PROJECT_ROOT / "artifacts"
    target: str = "churned"
    id_col: str = "subscriber_id"
    categorical: tuple = ("plan_code", "region", "payment_method")
    test_size: float = 0.2
    seed: int = 1234
    lgbm_params: dict = field(default_factory=lambda: {
        "n_estimators": 600,
        "learning_rate": 0.03,
        "num_leaves": 31,
        "min_child_samples": 40,
        "subsample": 0.8,
        "subsample_freq": 1,
        "colsample_bytree": 0.8,
        "reg_lambda": 1.0,
    })


CFG = Config()
