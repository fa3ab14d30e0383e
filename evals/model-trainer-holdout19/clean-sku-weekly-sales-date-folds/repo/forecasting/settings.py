from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    data_path: str = "data/sku_weekly.parquet"
    seed: int = 99
    holdout_weeks: int = 12
    n_folds: int = 5
    gap_weeks: int = 1
    alphas: tuple = (0.1, 1.0, 10.0, 100.0)
    hgb_grid: tuple = field(default=((31, 0.05), (63, 0.05), (31, 0.1)))
