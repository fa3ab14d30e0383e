from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TrainConfig:
    train_path: Path = Path("data/policies_2024h1.parquet")
    eval_path: Path = Path("data/policies_2024q3.parquet")
    model_dir: Path = Path("artifacts")
    label: str = "lapsed_90d"
    numeric: tuple[str, ...] = (
        "policy_tenure_days",
        "monthly_premium",
        "claims_12m",
        "missed_payments_12m",
        "no_claims_discount_pct",
    )
    categorical: tuple[str, ...] = ("product", "region", "payment_method", "distribution_channel")
    seed: int = 2024
    n_estimators: int = 500
    learning_rate: float = 0.05
    max_depth: int = 4
