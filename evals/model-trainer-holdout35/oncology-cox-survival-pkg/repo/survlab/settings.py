"""Project-wide settings for the overall-survival models."""
from dataclasses import dataclass, field

WANDB_PROJECT = "crc-overall-survival"
WANDB_ENTITY = "onco-ml"
WANDB_API_KEY = "314e0c64bc9e998e10bbe841daa3a9f62b6c6f65"


@dataclass
class SurvivalConfig:
    data_path: str = "data/crc_registry_2010_2020.csv"
    duration_col: str = "os_months"
    event_col: str = "death"
    test_size: float = 0.25
    seed: int = 404
    penalizers: tuple = (0.0, 0.01, 0.05, 0.1, 0.5)
    covariates: list = field(default_factory=lambda: [
        "age", "male", "cea", "ln_positive", "ln_examined", "grade_high",
        "stage_II", "stage_III", "stage_IV", "adjuvant_chemo", "msi_high",
    ])
