"""Feature builders for the ZIP-level rent panel (Zillow ZORI)."""
import numpy as np
import pandas as pd


def load_panel(path):
    df = pd.read_csv(path, parse_dates=["month"])
    df = df.rename(columns={"RegionName": "zip", "zori": "rent"})
    df["zip"] = df["zip"].astype(str).str.zfill(5)
    return df.sort_values(["zip", "month"]).reset_index(drop=True)


def add_features(df):
    g = df.groupby("zip")["rent"]
    for k in (1, 2, 3, 6, 12):
        df[f"rent_lag_{k}"] = g.shift(k)
    df["rent_roll3"] = g.transform(lambda s: s.shift(1).rolling(3).mean())
    df["rent_roll12_std"] = g.transform(lambda s: s.shift(1).rolling(12).std())
    df["rent_yoy"] = df["rent_lag_1"] / df["rent_lag_12"] - 1
    df["month_of_year"] = df["month"].dt.month
    # target: log growth vs last observed month, so one model serves cheap and expensive ZIPs
    df["target"] = np.log(df["rent"] / df["rent_lag_1"])
    return df


FEATURES = ["rent_lag_1", "rent_lag_2", "rent_lag_3", "rent_lag_6", "rent_lag_12",
            "rent_roll3", "rent_roll12_std", "rent_yoy", "month_of_year"]


def month_folds(months, n_folds=4, horizon=3):
    """Expanding window: train on months < cutoff, validate on the next `horizon` months."""
    months = sorted(months)
    for i in range(n_folds, 0, -1):
        cut = len(months) - i * horizon
        yield months[:cut], months[cut:cut + horizon]
