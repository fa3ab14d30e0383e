import pandas as pd


def daily_busy_hour(hourly: pd.DataFrame) -> pd.DataFrame:
    """Collapse hourly PM counters to one row per cell-day (busy hour = max DL PRB hour)."""
    hourly = hourly.assign(date=hourly["timestamp"].dt.normalize())
    daily = (
        hourly.groupby(["cell_id", "date"])
        .agg(
            bh_prb_dl=("prb_util_dl", "max"),
            mean_prb_dl=("prb_util_dl", "mean"),
            dl_volume_gb=("dl_volume_gb", "sum"),
            peak_users=("rrc_conn_users", "max"),
            band=("band", "first"),
        )
        .reset_index()
        .sort_values(["cell_id", "date"])
    )
    return daily


def add_lag_features(daily: pd.DataFrame) -> pd.DataFrame:
    g = daily.groupby("cell_id")
    for k in (1, 2, 3, 7, 14):
        daily[f"bh_prb_lag{k}"] = g["bh_prb_dl"].shift(k - 1)
    daily["bh_prb_roll7"] = g["bh_prb_dl"].transform(lambda s: s.rolling(7).mean())
    daily["vol_roll7"] = g["dl_volume_gb"].transform(lambda s: s.rolling(7).mean())
    daily["users_lag1"] = daily["peak_users"]
    daily["dow_next"] = (daily["date"] + pd.Timedelta(days=1)).dt.dayofweek
    daily["band"] = daily["band"].astype("category")
    # target: tomorrow's busy-hour PRB utilisation
    daily["y_next_bh_prb"] = g["bh_prb_dl"].shift(-1)
    return daily


FEATURES = [
    "bh_prb_lag1", "bh_prb_lag2", "bh_prb_lag3", "bh_prb_lag7", "bh_prb_lag14",
    "bh_prb_roll7", "vol_roll7", "users_lag1", "mean_prb_dl", "dow_next", "band",
]
