import numpy as np
import pandas as pd


def load_table(path, min_year):
    df = pd.read_parquet(path)
    df = df[df["year"] >= min_year].copy()
    df["month_sin"] = np.sin(2 * np.pi * df["month"] / 12)
    df["month_cos"] = np.cos(2 * np.pi * df["month"] / 12)
    return df


def log_target(y):
    # burned area is extremely right-skewed (most ecoregion-months ~0 ha)
    return np.log1p(y)


def to_matrix(df, numeric, categorical):
    X = df[numeric + ["month_sin", "month_cos"]].copy()
    for col in categorical:
        X[col] = df[col].astype("category")
    return X
