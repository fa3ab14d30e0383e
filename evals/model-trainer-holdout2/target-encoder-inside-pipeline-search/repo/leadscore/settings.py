from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    leads_path: Path = Path("data/leads_2023_2024.parquet")
    artifact_path: Path = Path("artifacts/lead_scorer.joblib")
    label: str = "converted"
    high_cardinality: tuple[str, ...] = ("zip_code", "referrer_domain", "campaign_id", "job_title")
    low_cardinality: tuple[str, ...] = ("industry", "company_size", "lead_source")
    numeric: tuple[str, ...] = ("pages_viewed", "session_minutes", "email_opens_14d", "days_since_signup")
    holdout_fraction: float = 0.2
    cv_folds: int = 5
    seed: int = 31
    grid: dict = field(
        default_factory=lambda: {
            "model__learning_rate": [0.03, 0.1],
            "model__max_leaf_nodes": [15, 31],
            "prep__te__smooth": ["auto", 20.0],
        }
    )
