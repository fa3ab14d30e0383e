import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset


class RawBytesDataset(Dataset):
    """Reads the first `max_len` bytes of each PE file; byte b is stored as b + 1, 0 = padding."""

    def __init__(self, paths, labels, max_len=2_000_000):
        self.paths = list(paths)
        self.labels = list(labels)
        self.max_len = max_len

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        with open(self.paths[idx], "rb") as f:
            raw = f.read(self.max_len)
        x = np.zeros(self.max_len, dtype=np.int64)
        x[: len(raw)] = np.frombuffer(raw, dtype=np.uint8).astype(np.int64) + 1
        return torch.from_numpy(x), torch.tensor(self.labels[idx], dtype=torch.float32)


class MalConv(nn.Module):
    """Raff et al. 2017, gated conv over byte embeddings + global max pooling."""

    def __init__(self, embed_dim=8, channels=128, window=500, stride=500):
        super().__init__()
        self.embed = nn.Embedding(257, embed_dim, padding_idx=0)
        self.conv = nn.Conv1d(embed_dim, channels, window, stride=stride)
        self.gate = nn.Conv1d(embed_dim, channels, window, stride=stride)
        self.fc1 = nn.Linear(channels, channels)
        self.fc2 = nn.Linear(channels, 1)

    def forward(self, x):
        z = self.embed(x).transpose(1, 2)
        z = self.conv(z) * torch.sigmoid(self.gate(z))
        z = F.adaptive_max_pool1d(z, 1).squeeze(-1)
        z = F.relu(self.fc1(z))
        return self.fc2(z).squeeze(-1)
