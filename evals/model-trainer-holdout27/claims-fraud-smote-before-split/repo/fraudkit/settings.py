from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Paths:
    claims: Path = Path("data/claims_2019_2023.csv")
    reports: Path = Path("reports")


@dataclass(frozen=True)
class TrainSettings:
    seed: int = 2024
    holdout_fraction: float = 0.25
    smote_k: int = 5
    xgb: dict = field(
        default_factory=lambda: {
            "n_estimators": 600,
            "max_depth": 5,
            "learning_rate": 0.03,
            "subsample": 0.8,
            "colsample_bytree": 0.8,
            "eval_metric": "aucpr",
        }
    )
    paths: Paths = field(default_factory=Paths)
