import os
from dataclasses import dataclass, field


@dataclass
class Settings:
    data_path: str = "data/player_box_2020_2024.parquet"
    valid_start: str = "2023-11-15"
    test_start: str = "2024-01-01"
    target: str = "reb"
    seed: int = 8
    wandb_project: str = "nba-props"
    wandb_entity: str = os.getenv("WANDB_ENTITY", "props-team")
    # never commit keys: WANDB_API_KEY comes from the environment / CI secret store
    wandb_api_key: str | None = field(default_factory=lambda: os.environ.get("WANDB_API_KEY"))
    xgb: dict = field(default_factory=lambda: {
        "n_estimators": 4000, "learning_rate": 0.02, "max_depth": 5, "min_child_weight": 20,
        "subsample": 0.8, "colsample_bytree": 0.8, "objective": "count:poisson",
        "early_stopping_rounds": 150, "eval_metric": "poisson-nloglik",
    })
