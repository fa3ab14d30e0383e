import numpy as np
import pandas as pd

HOLIDAY_WEIGHT = 5.0


def load(paths):
    sales = pd.read_csv(paths["sales"], parse_dates=["Date"])
    stores = pd.read_csv(paths["stores"])
    feats = pd.read_csv(paths["features"], parse_dates=["Date"]).drop(columns=["IsHoliday"])
    df = sales.merge(stores, on="Store", how="left").merge(feats, on=["Store", "Date"], how="left")
    md_cols = [c for c in df.columns if c.startswith("MarkDown")]
    df[md_cols] = df[md_cols].fillna(0)
    df["Type"] = df["Type"].map({"A": 0, "B": 1, "C": 2})
    return df.sort_values(["Store", "Dept", "Date"]).reset_index(drop=True)


def add_time_feats(df):
    df["week"] = df["Date"].dt.isocalendar().week.astype(int)
    df["year"] = df["Date"].dt.year
    df["IsHoliday"] = df["IsHoliday"].astype(int)
    g = df.groupby(["Store", "Dept"])["Weekly_Sales"]
    df["lag_52"] = g.shift(52)
    df["lag_26"] = g.shift(26)
    return df


def fit_series_profile(train):
    prof = train.groupby(["Store", "Dept"])["Weekly_Sales"].agg(
        sd_mean="mean", sd_median="median", sd_std="std"
    )
    dept = train.groupby("Dept")["Weekly_Sales"].agg(dept_mean="mean")
    return prof, dept, float(train["Weekly_Sales"].mean())


def apply_profile(df, prof, dept, global_mean):
    out = df.merge(prof, on=["Store", "Dept"], how="left").merge(dept, on="Dept", how="left")
    out["dept_mean"] = out["dept_mean"].fillna(global_mean)
    for c in ("sd_mean", "sd_median"):
        out[c] = out[c].fillna(out["dept_mean"])
    out["sd_std"] = out["sd_std"].fillna(0)
    return out


def wmae(y, yhat, is_holiday):
    w = np.where(is_holiday == 1, HOLIDAY_WEIGHT, 1.0)
    return float(np.sum(w * np.abs(y - yhat)) / np.sum(w))
