from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    csv: str = "data/coating_runs.csv"
    target: str = "reflectance_loss_pct"
    seed: int = 90210
    n_trials: int = 60
    test_size: float = 0.2
    valid_size: float = 0.2
