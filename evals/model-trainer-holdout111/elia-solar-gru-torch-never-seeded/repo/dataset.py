import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


def load_elia(path):
    df = pd.read_csv(path, sep=";", parse_dates=["Datetime"])
    df = df[df["Region"] == "Belgium"].set_index("Datetime").sort_index()
    df = df[~df.index.duplicated()]
    cap = df["Monitored capacity"]
    out = pd.DataFrame(index=df.index)
    # everything as load factor so the target is stationary w.r.t. fleet growth
    out["lf_measured"] = df["Measured & Upscaled"] / cap
    out["lf_dayahead"] = df["Day Ahead forecast"] / cap
    qh = out.index.hour * 4 + out.index.minute // 15
    out["tod_sin"] = np.sin(2 * np.pi * qh / 96)
    out["tod_cos"] = np.cos(2 * np.pi * qh / 96)
    return out.asfreq("15min").ffill(limit=4).dropna()


class NowcastWindows(Dataset):
    def __init__(self, frame, history, horizon, first_target=None):
        self.hist = frame[["lf_measured", "lf_dayahead", "tod_sin", "tod_cos"]].to_numpy(np.float32)
        self.fut = frame[["lf_dayahead", "tod_sin", "tod_cos"]].to_numpy(np.float32)
        self.y = frame["lf_measured"].to_numpy(np.float32)
        self.history, self.horizon = history, horizon
        start = history if first_target is None else max(history, first_target)
        self.starts = np.arange(start, len(frame) - horizon + 1)

    def __len__(self):
        return len(self.starts)

    def __getitem__(self, i):
        t = self.starts[i]
        return (
            torch.from_numpy(self.hist[t - self.history:t]),
            torch.from_numpy(self.fut[t:t + self.horizon]),
            torch.from_numpy(self.y[t:t + self.horizon]),
        )
