"""Feature construction for direct multi-step (14-day) forecasting.

Every lag / rolling feature is shifted by at least the forecast horizon, per station, on a
table sorted by date. The values are therefore known at forecast time for every target day,
so building them on the whole history before the date-based split does not leak.
"""
import holidays
import pandas as pd


def calendar(df: pd.DataFrame, country: str) -> pd.DataFrame:
    out = df.copy()
    years = range(out["date"].dt.year.min(), out["date"].dt.year.max() + 2)
    hol = holidays.country_holidays(country, years=years)
    out["dow"] = out["date"].dt.dayofweek
    out["month"] = out["date"].dt.month
    out["doy"] = out["date"].dt.dayofyear
    out["is_holiday"] = out["date"].dt.date.map(lambda d: d in hol).astype(int)
    return out


def lagged(df: pd.DataFrame, lags: list[int], windows: list[int], horizon: int) -> pd.DataFrame:
    out = df.sort_values(["station_id", "date"]).copy()
    by_station = out.groupby("station_id", sort=False)["trips"]
    for lag in lags:
        assert lag >= horizon, f"lag {lag} would not be available {horizon} days ahead"
        out[f"lag_{lag}"] = by_station.shift(lag)
    past = by_station.shift(horizon)
    for w in windows:
        out[f"roll{w}_mean"] = past.groupby(out["station_id"]).transform(
            lambda s, w=w: s.rolling(w, min_periods=max(1, w // 2)).mean()
        )
    return out


def feature_columns(cfg: dict) -> list[str]:
    lags = [f"lag_{l}" for l in cfg["features"]["lags"]]
    rolls = [f"roll{w}_mean" for w in cfg["features"]["rolling"]]
    return ["station_id", "dow", "month", "doy", "is_holiday"] + lags + rolls
