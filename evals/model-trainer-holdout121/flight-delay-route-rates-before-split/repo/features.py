"""Feature engineering for the BTS on-time performance extract."""
import numpy as np
import pandas as pd

CAT_COLS = ["OP_CARRIER", "ORIGIN", "DEST"]


def add_time_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["FL_DATE"] = pd.to_datetime(df["FL_DATE"])
    df["month"] = df["FL_DATE"].dt.month
    df["day_of_week"] = df["FL_DATE"].dt.dayofweek
    df["dep_hour"] = (df["CRS_DEP_TIME"] // 100).clip(0, 23)
    df["arr_hour"] = (df["CRS_ARR_TIME"] // 100).clip(0, 23)
    # red-eyes and late banks behave very differently
    df["overnight"] = (df["arr_hour"] < df["dep_hour"]).astype(int)
    df["log_distance"] = np.log1p(df["DISTANCE"])
    return df


def add_route_delay_rates(df: pd.DataFrame, target: str = "ARR_DEL15",
                          smoothing: float = 20.0) -> pd.DataFrame:
    """Smoothed delay rate per carrier / airport / route (empirical Bayes style)."""
    df = df.copy()
    df["ROUTE"] = df["ORIGIN"] + "_" + df["DEST"]
    prior = df[target].mean()
    for col in CAT_COLS + ["ROUTE"]:
        stats = df.groupby(col)[target].agg(["sum", "count"])
        rate = (stats["sum"] + smoothing * prior) / (stats["count"] + smoothing)
        df[f"{col}_delay_rate"] = df[col].map(rate).fillna(prior)
    return df
