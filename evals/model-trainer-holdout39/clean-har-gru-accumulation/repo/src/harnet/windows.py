import numpy as np
import pandas as pd


def make_windows(df: pd.DataFrame, channels: list[str], window: int, stride: int):
    """Slice each subject's recording into fixed windows labelled by majority activity."""
    xs, ys, subj = [], [], []
    for sid, rec in df.sort_values(["subject", "t"]).groupby("subject"):
        values, labels = rec[channels].to_numpy(np.float32), rec["activity_id"].to_numpy()
        for start in range(0, len(rec) - window + 1, stride):
            xs.append(values[start:start + window])
            ys.append(np.bincount(labels[start:start + window]).argmax())
            subj.append(sid)
    return np.stack(xs), np.array(ys), np.array(subj)


def channel_stats(train_windows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    flat = train_windows.reshape(-1, train_windows.shape[-1])
    return flat.mean(axis=0), flat.std(axis=0) + 1e-6
