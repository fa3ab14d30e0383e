import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = [
    "length", "width", "draught", "length_width_ratio",
    "sog_mean", "sog_p10", "sog_p90", "cruise_sog", "frac_under_1kn",
    "turn_rate_p90", "trip_len_nm_median", "trips_per_week", "dist_offshore_km_median",
]
TARGET = "ship_class"


def add_derived(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["length_width_ratio"] = df["length"] / df["width"].replace(0, np.nan)
    df["cruise_sog"] = df["sog_p90"].where(df["sog_p90"] > 2.0)
    return df


def build_preprocessor():
    return make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
