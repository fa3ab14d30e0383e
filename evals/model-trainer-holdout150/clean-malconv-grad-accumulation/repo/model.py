import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import Dataset


class PEBytes(Dataset):
    def __init__(self, frame, max_len):
        self.paths = frame["path"].tolist()
        self.labels = frame["label"].astype("float32").tolist()
        self.max_len = max_len

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        with open(self.paths[i], "rb") as fh:
            raw = fh.read(self.max_len)
        x = torch.zeros(self.max_len, dtype=torch.long)
        x[: len(raw)] = torch.from_numpy(np.frombuffer(raw, dtype=np.uint8).astype(np.int64) + 1)
        return x, torch.tensor(self.labels[i])


class MalConv(nn.Module):
    def __init__(self, channels=128, window=500, embed_dim=8, dropout=0.2):
        super().__init__()
        self.embed = nn.Embedding(257, embed_dim, padding_idx=0)
        self.conv = nn.Conv1d(embed_dim, channels, window, stride=window)
        self.gate = nn.Conv1d(embed_dim, channels, window, stride=window)
        self.drop = nn.Dropout(dropout)
        self.fc1 = nn.Linear(channels, channels)
        self.fc2 = nn.Linear(channels, 1)

    def forward(self, x):
        z = self.embed(x).transpose(1, 2)
        z = self.conv(z) * torch.sigmoid(self.gate(z))
        z = F.adaptive_max_pool1d(z, 1).squeeze(-1)
        z = self.drop(F.relu(self.fc1(z)))
        return self.fc2(z).squeeze(-1)
