"""Per-sequence summary features for the isolated sign (ISLR) landmark parquet files."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

ROWS_PER_FRAME = 543  # face 468 + left hand 21 + pose 33 + right hand 21
LEFT_HAND = slice(468, 489)
POSE = slice(489, 522)
RIGHT_HAND = slice(522, 543)
UPPER_BODY = list(range(11, 25))  # shoulders, elbows, wrists, hands, hips


def load_relevant_data_subset(pq_path):
    data = pd.read_parquet(pq_path, columns=["x", "y", "z"])
    n_frames = int(len(data) / ROWS_PER_FRAME)
    data = data.values.reshape(n_frames, ROWS_PER_FRAME, 3)
    return data.astype(np.float32)


def dominant_hand(frames):
    """Mirror left-handed signers so the active hand is always in the right-hand slot."""
    left_missing = np.isnan(frames[:, LEFT_HAND, 0]).mean()
    right_missing = np.isnan(frames[:, RIGHT_HAND, 0]).mean()
    if left_missing < right_missing:
        frames = frames.copy()
        frames[..., 0] = 1.0 - frames[..., 0]
        lh = frames[:, LEFT_HAND].copy()
        frames[:, LEFT_HAND] = frames[:, RIGHT_HAND]
        frames[:, RIGHT_HAND] = lh
    return frames


def sequence_features(frames):
    frames = dominant_hand(frames)
    hand = frames[:, RIGHT_HAND, :2]
    pose = frames[:, POSE][:, UPPER_BODY, :2]
    x = np.concatenate([hand, pose], axis=1)  # (T, 35, 2)
    vel = np.diff(x, axis=0) if len(x) > 1 else np.zeros_like(x)
    feats = [
        np.nanmean(x, axis=0).reshape(-1),
        np.nanstd(x, axis=0).reshape(-1),
        np.nanmean(np.abs(vel), axis=0).reshape(-1),
        [np.log1p(len(x))],
    ]
    return np.nan_to_num(np.concatenate(feats), nan=0.0)


def build_feature_matrix(meta, data_root):
    feats = np.stack([
        sequence_features(load_relevant_data_subset(f"{data_root}/{p}"))
        for p in meta["path"]
    ])
    scaler = StandardScaler()
    feats = scaler.fit_transform(feats)
    return feats.astype(np.float32), scaler
