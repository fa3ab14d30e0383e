"""Calendar, lag and rolling features for daily store x item demand."""
import pandas as pd

LAGS = (7, 14, 28)
WINDOWS = (7, 28)


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["date"].dt.dayofweek
    df["week"] = df["date"].dt.isocalendar().week.astype(int)
    df["month"] = df["date"].dt.month
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    return df


def add_lags(df: pd.DataFrame, target: str = "units") -> pd.DataFrame:
    df = df.sort_values(["store_id", "item_id", "date"]).copy()
    grouped = df.groupby(["store_id", "item_id"])[target]
    for lag in LAGS:
        df[f"{target}_lag_{lag}"] = grouped.shift(lag)
    shifted = grouped.shift(7)
    for w in WINDOWS:
        df[f"{target}_roll_mean_{w}"] = (
            shifted.groupby([df["store_id"], df["item_id"]]).transform(lambda s: s.rolling(w).mean())
        )
    return df.dropna(subset=[f"{target}_lag_{max(LAGS)}"])


def build_frame(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["date"])
    df = add_calendar(df)
    df = add_lags(df)
    df["store_id"] = df["store_id"].astype("category")
    df["item_id"] = df["item_id"].astype("category")
    return df
