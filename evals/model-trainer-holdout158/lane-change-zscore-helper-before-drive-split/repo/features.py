"""Window features for lane-change intent from 10 Hz CAN + lane-detection logs."""
import numpy as np
import pandas as pd

SIGNAL_COLS = [
    "speed_mps",
    "accel_lat",
    "yaw_rate",
    "steering_angle_deg",
    "lane_offset_m",
    "heading_to_lane_rad",
]


def load_logs(path):
    df = pd.read_parquet(path)
    df = df.dropna(subset=["lane_offset_m"])
    return df.sort_values(["drive_id", "timestamp"]).reset_index(drop=True)


def make_windows(df, win=20, stride=5, horizon=30):
    """2 s window, label = a lane change starts within the next 3 s."""
    feats, labels, groups = [], [], []
    for drive_id, g in df.groupby("drive_id", sort=False):
        sig = g[SIGNAL_COLS].to_numpy(dtype=np.float32)
        lc = g["lane_change_start"].to_numpy()
        for start in range(0, len(g) - win - horizon, stride):
            w = sig[start:start + win]
            feats.append(np.concatenate([w.mean(0), w.std(0), w[-1] - w[0], np.abs(w).max(0)]))
            labels.append(int(lc[start + win:start + win + horizon].any()))
            groups.append(drive_id)
    return np.stack(feats), np.array(labels), np.array(groups)


def zscore(X, eps=1e-6):
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    return (X - mu) / (sd + eps)
