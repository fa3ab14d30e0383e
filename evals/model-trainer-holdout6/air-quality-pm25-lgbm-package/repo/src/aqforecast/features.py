import numpy as np
import pandas as pd


def add_calendar(frame: pd.DataFrame) -> pd.DataFrame:
    idx = frame.index
    frame["hour_sin"] = np.sin(2 * np.pi * idx.hour / 24)
    frame["hour_cos"] = np.cos(2 * np.pi * idx.hour / 24)
    frame["dow"] = idx.dayofweek
    frame["month"] = idx.month
    return frame


def add_history(frame: pd.DataFrame, target: str, lags, windows) -> pd.DataFrame:
    # everything is shifted so that row t only sees measurements up to t-1
    past = frame[target].shift(1)
    for k in lags:
        frame[f"{target}_lag{k}"] = frame[target].shift(k)
    for w in windows:
        frame[f"{target}_roll{w}_mean"] = past.rolling(w, min_periods=max(1, w // 2)).mean()
        frame[f"{target}_roll{w}_max"] = past.rolling(w, min_periods=max(1, w // 2)).max()
    return frame


def build_matrix(frame: pd.DataFrame, cfg: dict):
    target = cfg["data"]["target"]
    frame = add_calendar(frame.copy())
    frame = add_history(frame, target, cfg["features"]["lags"], cfg["features"]["rolling_windows"])
    frame = frame.dropna(subset=[f"{target}_lag{max(cfg['features']['lags'])}"])
    cols = [c for c in frame.columns if c.startswith(f"{target}_") or c in cfg["features"]["weather"]]
    cols += ["hour_sin", "hour_cos", "dow", "month"]
    return frame[cols], frame[target]
