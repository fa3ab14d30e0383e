from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class TrainConfig:
    data_path: Path = Path("data/housing.csv")
    out_path: Path = Path("artifacts/metrics.json")
    target: str = "median_house_value"
    test_size: float = 0.2
    seed: int = 13
    alpha_grid: tuple = (0.1, 1.0, 10.0, 100.0)
    numeric_cols: list = field(default_factory=lambda: [
        "longitude", "latitude", "housing_median_age", "total_rooms",
        "total_bedrooms", "population", "households", "median_income",
    ])
    categorical_cols: list = field(default_factory=lambda: ["ocean_proximity"])
