from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    daily_csv: str = "data/grass_pollen_daily.csv"        # station, date, pollen, + NWP forecast for that date
    train_end: str = "2020-12-31"
    valid_end: str = "2022-12-31"                         # 2021-22: early stopping; 2023: final test
    season_months: tuple = (4, 5, 6, 7, 8, 9)
    high_pollen_level: float = 50.0                       # grains/m3, public-health "high" category
    seed: int = 2718
    cv_splits: int = 5
    grid: dict = field(default_factory=lambda: {
        "max_depth": [3, 5, 7],
        "min_child_weight": [1, 10],
    })
