import numpy as np
import torch
from torch.utils.data import Dataset


class LogWindows(Dataset):
    """Windows of normalised logs centred on each labelled depth; never crosses a well."""

    def __init__(self, df, wells, logs, mean, std, win=25):
        half = win // 2
        xs, ys = [], []
        for w in wells:
            g = df[df["WELL"] == w].sort_values("DEPTH_MD")
            x = ((g[logs] - mean) / std).fillna(0.0).to_numpy(np.float32)
            x = np.pad(x, ((half, half), (0, 0)), mode="reflect")
            idx = np.arange(len(g))[:, None] + np.arange(win)[None, :]
            xs.append(x[idx].transpose(0, 2, 1))
            ys.append(g["LABEL"].to_numpy())
        self.x = torch.from_numpy(np.concatenate(xs))
        self.y = torch.from_numpy(np.concatenate(ys)).long()

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x[i], self.y[i]
