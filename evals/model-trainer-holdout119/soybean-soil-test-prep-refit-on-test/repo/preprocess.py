"""Soil test + management feature prep for the soybean yield model."""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

SOIL = ["ph_water", "buffer_ph", "om_pct", "p_bray1_ppm", "k_ppm", "cec_meq", "s_ppm", "zn_ppm", "clay_pct", "sand_pct"]
MGMT = ["seeding_rate_k", "row_width_in", "planting_doy", "maturity_group"]
CATS = {
    "tillage": ["no-till", "strip-till", "conventional"],
    "previous_crop": ["corn", "soybean", "wheat", "other"],
    "drainage_class": ["well", "moderately_well", "somewhat_poor", "poor"],
}


def clean(df):
    df = df.copy()
    df.loc[df["ph_water"] > 9.5, "ph_water"] = np.nan  # lab entry errors
    df["log_p"] = np.log1p(df["p_bray1_ppm"])
    df["log_k"] = np.log1p(df["k_ppm"])
    return df


def encode_cats(df):
    parts = []
    for col, levels in CATS.items():
        parts.append(pd.get_dummies(pd.Categorical(df[col], categories=levels), prefix=col).astype(float))
    return pd.concat(parts, axis=1).set_index(df.index)


def prepare(df):
    """Return the model matrix for one split."""
    df = clean(df)
    num_cols = SOIL + MGMT + ["log_p", "log_k"]
    num = SimpleImputer(strategy="median").fit_transform(df[num_cols])
    num = StandardScaler().fit_transform(num)
    num = pd.DataFrame(num, columns=num_cols, index=df.index)
    return pd.concat([num, encode_cats(df)], axis=1)
