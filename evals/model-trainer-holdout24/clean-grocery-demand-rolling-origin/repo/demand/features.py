"""History-only features: every value for day d uses sales up to d - lead_days."""
import pandas as pd

SERIES = ["store_nbr", "item_nbr"]


def add_history_features(df: pd.DataFrame, lead_days: int = 7) -> pd.DataFrame:
    df = df.sort_values(SERIES + ["date"]).copy()
    by_series = df.groupby(SERIES, sort=False)["unit_sales"]
    for lag in (lead_days, lead_days + 7, lead_days + 21, 364):
        df[f"lag_{lag}"] = by_series.shift(lag)
    shifted = by_series.shift(lead_days)
    grp = shifted.groupby([df[c] for c in SERIES], sort=False)
    df["roll_mean_14"] = grp.transform(lambda s: s.rolling(14, min_periods=7).mean())
    df["roll_std_28"] = grp.transform(lambda s: s.rolling(28, min_periods=14).std())
    return df


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["dow"] = df["date"].dt.dayofweek
    df["dom"] = df["date"].dt.day
    df["month"] = df["date"].dt.month
    df["payday"] = ((df["dom"] == 15) | df["date"].dt.is_month_end).astype(int)
    return df


FEATURES = ["lag_7", "lag_14", "lag_28", "lag_364", "roll_mean_14", "roll_std_28",
            "dow", "dom", "month", "payday", "onpromotion", "family_code", "store_type_code"]
