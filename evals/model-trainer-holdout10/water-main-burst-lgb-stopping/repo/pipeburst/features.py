import numpy as np
import pandas as pd

CATEGORICAL = ["material", "soil_corrosivity", "pressure_zone"]
NUMERIC = [
    "age_years", "diameter_mm", "length_m", "depth_m", "static_pressure_bar",
    "prior_bursts_5y", "prior_bursts_total", "traffic_load_index", "freeze_days_2022",
    "distance_to_pump_m",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["age_years"] = 2022 - out["install_year"]
    out["log_length"] = np.log1p(out["length_m"])
    out["bursts_per_km"] = out["prior_bursts_total"] / (out["length_m"] / 1000.0)
    for col in CATEGORICAL:
        out[col] = out[col].astype("category")
    return out


def feature_columns() -> list[str]:
    return NUMERIC + ["log_length", "bursts_per_km"] + CATEGORICAL
