"""Calendar and lag features for daily store x item unit sales."""
import pandas as pd

KEYS = ["store_id", "item_id"]
LAGS = [7, 14, 28]
WINDOWS = [7, 28]


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    d = df["date"]
    df["dow"] = d.dt.dayofweek
    df["dom"] = d.dt.day
    df["week"] = d.dt.isocalendar().week.astype("int16")
    df["month"] = d.dt.month
    df["is_weekend"] = (df["dow"] >= 5).astype("int8")
    return df


def add_lags(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"])
    grp = df.groupby(KEYS, sort=False)["units"]
    for lag in LAGS:
        df[f"units_lag_{lag}"] = grp.shift(lag)
    for w in WINDOWS:
        df[f"units_rmean_{w}"] = grp.transform(lambda s: s.shift(7).rolling(w, min_periods=1).mean())
    return df


def build(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["date"] = pd.to_datetime(df["date"])
    df = add_calendar(df)
    df = add_lags(df)
    df = df.dropna(subset=[f"units_lag_{max(LAGS)}"])
    for col in ["store_id", "item_id", "dept_id"]:
        df[col] = df[col].astype("category")
    return df.sort_values("date").reset_index(drop=True)
