from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    data_path: str = "data/motor_claims.parquet"
    artifact_dir: str = "artifacts"
    seed: int = 90210
    test_size: float = 0.2
    valid_size: float = 0.2
    learning_rate: float = 0.02
    num_leaves: int = 48
    min_child_samples: int = 60
    feature_fraction: float = 0.7
    bagging_fraction: float = 0.8
    refit_iteration_scale: float = 1.1
