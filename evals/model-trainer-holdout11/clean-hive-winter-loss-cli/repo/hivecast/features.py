import numpy as np
import pandas as pd

NUMERIC = ["mite_per_100", "frames_brood", "frames_stores", "colony_age_days", "queen_age_months",
           "stores_per_frame_brood", "treatments_this_year", "altitude_m", "forage_index"]
CATEGORICAL = ["queen_origin", "hive_type", "treatment_product"]
TARGET = "lost_over_winter"


def derive(raw: pd.DataFrame) -> pd.DataFrame:
    """Row-wise features: each uses only that inspection's own fields."""
    df = raw.copy()
    df["inspection_date"] = pd.to_datetime(df["inspection_date"])
    df["mite_per_100"] = 100 * df["mites_in_wash"] / df["bees_in_wash"].clip(lower=1)
    df["colony_age_days"] = (df["inspection_date"] - pd.to_datetime(df["colony_started"])).dt.days
    df["stores_per_frame_brood"] = df["frames_stores"] / df["frames_brood"].replace(0, np.nan)
    return df
