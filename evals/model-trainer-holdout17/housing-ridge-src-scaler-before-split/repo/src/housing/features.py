import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, StandardScaler

RATIO_COLS = ["rooms_per_household", "bedrooms_per_room", "population_per_household"]


def add_ratios(df):
    out = df.copy()
    out["rooms_per_household"] = out["total_rooms"] / out["households"]
    out["bedrooms_per_room"] = out["total_bedrooms"] / out["total_rooms"]
    out["population_per_household"] = out["population"] / out["households"]
    return out


def build_matrix(df, numeric_cols, categorical_cols):
    """Turn the cleaned frame into a dense, model-ready matrix."""
    df = add_ratios(df)
    num_cols = list(numeric_cols) + RATIO_COLS

    imputer = SimpleImputer(strategy="median")
    num = imputer.fit_transform(df[num_cols])
    scaler = StandardScaler()
    num = scaler.fit_transform(num)

    ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
    cat = ohe.fit_transform(df[categorical_cols])

    names = num_cols + list(ohe.get_feature_names_out(categorical_cols))
    return pd.DataFrame(np.hstack([num, cat]), columns=names, index=df.index)
