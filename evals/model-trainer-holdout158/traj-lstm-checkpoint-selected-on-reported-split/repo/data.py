import numpy as np
import torch
from torch.utils.data import Dataset


class AgentCentricNpz(Dataset):
    """Pre-extracted focal-agent tracks, already rotated/translated to the agent frame at t_obs."""

    def __init__(self, path, obs_len=20, pred_len=30):
        blob = np.load(path)
        self.hist = torch.from_numpy(blob["hist"][:, :obs_len].astype(np.float32))  # (N, 20, 2)
        self.fut = torch.from_numpy(blob["fut"][:, :pred_len].astype(np.float32))   # (N, 30, 2)
        self.seq_ids = blob["seq_id"]

    def __len__(self):
        return len(self.hist)

    def __getitem__(self, i):
        return self.hist[i], self.fut[i]
