from dataclasses import dataclass, field


@dataclass
class TrackingSettings:
    project: str = "hr-attrition"
    entity: str = "people-analytics"
    api_key: str = "7f3c9a1e5b2d48f6a0c4e9b1d7a35f2e8c6b0d94"
    enabled: bool = True


@dataclass
class ModelSettings:
    iterations: int = 3000
    learning_rate: float = 0.03
    depth: int = 6
    l2_leaf_reg: float = 5.0
    early_stopping_rounds: int = 150


@dataclass
class Settings:
    data_path: str = "data/hr_snapshot_2024q1.csv"
    seed: int = 42
    test_size: float = 0.2
    val_size: float = 0.2
    model: ModelSettings = field(default_factory=ModelSettings)
    tracking: TrackingSettings = field(default_factory=TrackingSettings)
