import numpy as np
import torch
from torch.utils.data import Dataset

FEATURES = ["kwh", "slot_sin", "slot_cos", "weekend"]


class MeterWindows(Dataset):
    """All (meter, start) windows of one split; windows never cross meters."""

    def __init__(self, df, lookback, horizon, stride=1):
        self.lookback, self.horizon = lookback, horizon
        self.arrays, self.index = [], []
        for k, (meter_id, grp) in enumerate(df.groupby("meter_id", sort=True)):
            arr = grp[FEATURES].to_numpy(np.float32)
            self.arrays.append(arr)
            for s in range(0, len(arr) - lookback - horizon + 1, stride):
                self.index.append((k, s, meter_id))

    def __len__(self):
        return len(self.index)

    def __getitem__(self, i):
        k, s, _ = self.index[i]
        arr = self.arrays[k]
        x = torch.from_numpy(arr[s:s + self.lookback])
        y = torch.from_numpy(arr[s + self.lookback:s + self.lookback + self.horizon, 0])
        return x, y

    def meter_of(self, i):
        return self.index[i][2]
