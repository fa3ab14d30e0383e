"""Daily per-escalator feature table: condition-monitoring signals plus past failure history."""
import numpy as np
import pandas as pd

SIGNALS = ["step_chain_vib", "handrail_speed_dev", "motor_temp", "gearbox_temp", "brake_time_ms", "starts"]


def failure_history(df: pd.DataFrame) -> pd.DataFrame:
    """Counts of failures strictly before the current day, per asset."""
    df = df.sort_values(["asset_id", "date"]).copy()
    past = df.groupby("asset_id")["failure"].shift(1).fillna(0)
    g = past.groupby(df["asset_id"])
    df["fails_prev_30d"] = g.transform(lambda x: x.rolling(30, min_periods=1).sum())
    df["fails_prev_180d"] = g.transform(lambda x: x.rolling(180, min_periods=1).sum())
    prev_day = df["date"] - pd.Timedelta(days=1)
    last_fail = prev_day.where(past.gt(0)).groupby(df["asset_id"]).ffill()
    df["days_since_fail"] = (df["date"] - last_fail).dt.days.fillna(9999)
    return df


def signal_features(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("asset_id")
    for s in SIGNALS:
        df[f"{s}_ma7"] = g[s].transform(lambda x: x.rolling(7, min_periods=1).mean())
        df[f"{s}_ma28"] = g[s].transform(lambda x: x.rolling(28, min_periods=1).mean())
        df[f"{s}_ratio"] = df[f"{s}_ma7"] / (df[f"{s}_ma28"].abs() + 1e-6)
    df["dow"] = df["date"].dt.dayofweek
    return df


def add_target(df: pd.DataFrame, horizon: int) -> pd.DataFrame:
    fut = df.groupby("asset_id")["failure"].transform(
        lambda x: x[::-1].rolling(horizon, min_periods=1).max()[::-1].shift(-1)
    )
    df[f"fail_next_{horizon}d"] = fut
    return df.dropna(subset=[f"fail_next_{horizon}d"]).astype({f"fail_next_{horizon}d": int})
