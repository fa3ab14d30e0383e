import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import Dataset

CHANNELS = ["sog", "cog_sin", "cog_cos", "dlat_km", "dlon_km", "dt_min"]


def load_segments(path, classes):
    df = pd.read_parquet(path)
    df = df[df["vessel_class"].isin(classes)].sort_values(["segment_id", "timestamp"])
    rad = np.deg2rad(df["cog"])
    df["cog_sin"], df["cog_cos"] = np.sin(rad), np.cos(rad)
    g = df.groupby("segment_id")
    df["dlat_km"] = g["lat"].diff().fillna(0) * 111.0
    df["dlon_km"] = g["lon"].diff().fillna(0) * 111.0 * np.cos(np.deg2rad(df["lat"]))
    df["dt_min"] = g["timestamp"].diff().dt.total_seconds().fillna(0) / 60
    return df


def split_by_mmsi(seg_meta, val_frac, test_frac, seed):
    outer = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    rest, test = next(outer.split(seg_meta, groups=seg_meta["mmsi"]))
    rest_meta = seg_meta.iloc[rest]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=seed)
    tr, va = next(inner.split(rest_meta, groups=rest_meta["mmsi"]))
    return rest_meta.index[tr], rest_meta.index[va], seg_meta.index[test]


class SegmentDataset(Dataset):
    def __init__(self, df, seg_ids, classes, seq_len, stats=None):
        self.items = []
        lookup = {c: i for i, c in enumerate(classes)}
        sub = df[df["segment_id"].isin(set(seg_ids))]
        if stats is None:
            x = sub[CHANNELS].to_numpy(np.float32)
            stats = (x.mean(0), x.std(0) + 1e-6)
        self.stats = stats
        for _, seg in sub.groupby("segment_id"):
            x = (seg[CHANNELS].to_numpy(np.float32)[-seq_len:] - stats[0]) / stats[1]
            pad = np.zeros((seq_len - len(x), len(CHANNELS)), np.float32)
            self.items.append((np.vstack([pad, x]), lookup[seg["vessel_class"].iloc[0]]))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        x, y = self.items[i]
        return torch.from_numpy(x), y
