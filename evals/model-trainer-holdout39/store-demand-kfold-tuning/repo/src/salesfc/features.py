import pandas as pd


def add_calendar(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["dow"] = out["date"].dt.dayofweek
    out["dom"] = out["date"].dt.day
    out["month"] = out["date"].dt.month
    out["weekofyear"] = out["date"].dt.isocalendar().week.astype(int)
    return out


def add_lags(df: pd.DataFrame, lags, windows, horizon: int) -> pd.DataFrame:
    """Lag/rolling features that only look at values at least `horizon` days old."""
    out = df.copy()
    grp = out.groupby(["store_id", "item_id"], sort=False)["units"]
    for lag in lags:
        out[f"lag_{lag}"] = grp.shift(lag)
    shifted = grp.shift(horizon)
    key = [out["store_id"], out["item_id"]]
    for w in windows:
        out[f"roll_mean_{w}"] = shifted.groupby(key).transform(lambda s: s.rolling(w, min_periods=1).mean())
    return out


def build(df: pd.DataFrame, feat_cfg: dict) -> pd.DataFrame:
    df = add_calendar(df)
    df = add_lags(df, feat_cfg["lags"], feat_cfg["rolling_windows"], feat_cfg["horizon"])
    return df.dropna(subset=[f"lag_{feat_cfg['horizon']}"])


FEATURES = ["store_id", "item_id", "on_promo", "dow", "dom", "month", "weekofyear"]


def feature_list(feat_cfg: dict) -> list[str]:
    lags = [f"lag_{l}" for l in feat_cfg["lags"]]
    rolls = [f"roll_mean_{w}" for w in feat_cfg["rolling_windows"]]
    return FEATURES + lags + rolls
