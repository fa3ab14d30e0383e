import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

NUMERIC = ["living_area_m2", "rooms", "floor", "building_year", "dist_center_km", "dist_metro_m"]
CATEGORICAL = ["district", "heating", "condition"]
FLAGS = ["has_balcony", "has_elevator", "furnished"]


def add_derived(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["area_per_room"] = out["living_area_m2"] / out["rooms"].clip(lower=1)
    out["log_dist_metro"] = np.log1p(out["dist_metro_m"])
    return out


def preprocessor() -> ColumnTransformer:
    return ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), NUMERIC + ["area_per_room", "log_dist_metro"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20, sparse_output=False), CATEGORICAL),
        ("flag", "passthrough", FLAGS),
    ])
