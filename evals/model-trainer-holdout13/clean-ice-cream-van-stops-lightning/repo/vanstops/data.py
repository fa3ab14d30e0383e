import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import TensorDataset

NUM = ["temp_c", "sunshine_h", "uv_index", "minutes_at_stop", "hour", "school_nearby", "park_nearby",
       "dist_to_beach_km", "competitor_vans_1km"]
TARGET = "cones_sold"


def split_routes(df, val_frac, test_frac, seed):
    """Whole routes go to one split, so the test routes are streets the model has never seen."""
    outer = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, groups=df["route_id"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=val_frac / (1 - test_frac), random_state=seed)
    tr_idx, va_idx = next(inner.split(dev, groups=dev["route_id"]))
    return dev.iloc[tr_idx], dev.iloc[va_idx], test


class Standardiser:
    def fit(self, frame: pd.DataFrame):
        self.mu = frame[NUM].mean()
        self.sd = frame[NUM].std().replace(0, 1)
        return self

    def to_dataset(self, frame: pd.DataFrame) -> TensorDataset:
        x = ((frame[NUM] - self.mu) / self.sd).to_numpy(np.float32)
        y = frame[TARGET].to_numpy(np.float32)
        return TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
