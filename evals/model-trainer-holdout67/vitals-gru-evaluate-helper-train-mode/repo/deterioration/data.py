"""Sliding windows over ward vital signs for 24h deterioration (ICU transfer / arrest / death)."""
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

VITALS = ["heart_rate", "resp_rate", "sbp", "dbp", "spo2", "temp_c", "avpu_score", "o2_flow"]


def make_windows(df: pd.DataFrame, window: int, horizon: int):
    """One sample per patient-hour: the previous `window` hours and whether an event follows."""
    xs, ys, pids = [], [], []
    for pid, g in df.sort_values(["encounter_id", "hour"]).groupby("encounter_id"):
        vals = g[VITALS].to_numpy(np.float32)
        event_hour = g["event_hour"].iloc[0]
        for end in range(window, len(g) + 1):
            hour = g["hour"].iloc[end - 1]
            if not np.isnan(event_hour) and hour >= event_hour:
                break
            xs.append(vals[end - window:end])
            ys.append(float(not np.isnan(event_hour) and event_hour - hour <= horizon))
            pids.append(g["patient_id"].iloc[0])
    return np.stack(xs), np.array(ys, dtype=np.float32), np.array(pids)


class WindowDataset(Dataset):
    def __init__(self, x: np.ndarray, y: np.ndarray, mean: np.ndarray, std: np.ndarray):
        mask = ~np.isnan(x)
        x = np.where(mask, (x - mean) / std, 0.0)
        self.x = torch.tensor(np.concatenate([x, mask.astype(np.float32)], axis=-1), dtype=torch.float32)
        self.y = torch.tensor(y)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
