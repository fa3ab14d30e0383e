import numpy as np
import pandas as pd

CAN = ["speed_mps", "accel_lat", "yaw_rate", "steering_angle_deg", "steering_rate", "lane_offset_m"]


def read_drives(path):
    df = pd.read_parquet(path).sort_values(["drive_id", "timestamp"])
    # physical transforms only, no fitted statistics
    df["abs_lane_offset"] = df["lane_offset_m"].abs()
    df["log_ttc_lead"] = np.log1p(df["ttc_lead_s"].clip(0, 30))
    return df


def windows(df, cols, win=25, step=10, horizon=25):
    out = []
    for drive, g in df.groupby("drive_id"):
        a = g[cols].to_numpy(np.float32)
        y = g["lc_onset"].to_numpy()
        for s in range(0, len(g) - win - horizon, step):
            w = a[s:s + win]
            slope = np.polyfit(np.arange(win), w, 1)[0]
            out.append((drive, np.r_[w.mean(0), w.std(0), w.min(0), w.max(0), slope],
                        y[s + win:s + win + horizon].max()))
    groups, X, labels = zip(*out)
    return np.asarray(X), np.asarray(labels, dtype=int), np.asarray(groups)
