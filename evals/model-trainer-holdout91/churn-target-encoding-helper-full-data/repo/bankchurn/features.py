import numpy as np
import pandas as pd


def basic_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["IsSenior"] = (df["Age"] >= 60).astype(int)
    df["ZeroBalance"] = (df["Balance"] == 0).astype(int)
    df["BalanceSalaryRatio"] = df["Balance"] / (df["EstimatedSalary"] + 1.0)
    df["ProductsPerTenure"] = df["NumOfProducts"] / (df["Tenure"] + 1)
    df["AgeXActive"] = df["Age"] * df["IsActiveMember"]
    df["Gender"] = (df["Gender"] == "Female").astype(int)
    return df


def smoothed_target_encode(df: pd.DataFrame, cols, target: str, smoothing: float = 20.0,
                           suffix: str = "_te") -> pd.DataFrame:
    """Replace each category with a smoothed mean of the target (m-estimate)."""
    df = df.copy()
    prior = df[target].mean()
    for col in cols:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        encoded = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
        df[col + suffix] = df[col].map(encoded).fillna(prior).astype(np.float32)
    return df


def frequency_encode(df: pd.DataFrame, cols, suffix: str = "_freq") -> pd.DataFrame:
    df = df.copy()
    for col in cols:
        df[col + suffix] = df[col].map(df[col].value_counts(normalize=True)).astype(np.float32)
    return df
