import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

FEATURES = ["log_ret", "hl_range", "co_ret", "log_vol", "vwap_dev", "tod_sin", "tod_cos"]


def load_bars(path: str, horizon: int) -> pd.DataFrame:
    bars = pd.read_parquet(path).sort_values("ts").reset_index(drop=True)
    bars["session"] = bars["ts"].dt.date
    bars["log_ret"] = np.log(bars["close"]).groupby(bars["session"]).diff().fillna(0.0)
    bars["hl_range"] = np.log(bars["high"] / bars["low"])
    bars["co_ret"] = np.log(bars["close"] / bars["open"])
    bars["log_vol"] = np.log1p(bars["volume"])
    cum_pv = (bars["close"] * bars["volume"]).groupby(bars["session"]).cumsum()
    cum_v = bars["volume"].groupby(bars["session"]).cumsum()
    bars["vwap_dev"] = np.log(bars["close"] / (cum_pv / cum_v))
    minutes = bars["ts"].dt.hour * 60 + bars["ts"].dt.minute
    bars["tod_sin"] = np.sin(2 * np.pi * minutes / 1440)
    bars["tod_cos"] = np.cos(2 * np.pi * minutes / 1440)
    fwd = np.log(bars["close"]).groupby(bars["session"]).shift(-horizon) - np.log(bars["close"])
    bars["target"] = fwd * 1e4  # in bps
    return bars


class WindowDataset(Dataset):
    """Sliding windows that never cross a session boundary."""

    def __init__(self, bars: pd.DataFrame, window: int, mean: np.ndarray, std: np.ndarray):
        x = ((bars[FEATURES].to_numpy(np.float32) - mean) / std).astype(np.float32)
        y = bars["target"].to_numpy(np.float32)
        session = bars["session"].to_numpy()
        self.x = torch.from_numpy(x)
        self.y = torch.from_numpy(y)
        self.window = window
        ends = np.arange(window - 1, len(bars))
        same_session = session[ends] == session[ends - window + 1]
        self.ends = ends[same_session & ~np.isnan(y[ends])]

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i):
        e = self.ends[i]
        return self.x[e - self.window + 1 : e + 1].T, self.y[e]
