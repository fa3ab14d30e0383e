import numpy as np
import torch
from torch.utils.data import Dataset


class ClickstreamDataset(Dataset):
    """Pre-tokenised sessions: page_ids / event_ids / dwell (log-seconds), right-padded to max_len."""

    def __init__(self, npz_path):
        d = np.load(npz_path)
        self.pages = torch.from_numpy(d["page_ids"]).long()
        self.events = torch.from_numpy(d["event_ids"]).long()
        self.dwell = torch.from_numpy(d["log_dwell"]).float()
        self.lengths = torch.from_numpy(d["lengths"]).long()
        self.y = torch.from_numpy(d["converted"]).float()

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.pages[i], self.events[i], self.dwell[i], self.lengths[i], self.y[i]
