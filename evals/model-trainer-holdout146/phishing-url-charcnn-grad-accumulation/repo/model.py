import string

import torch
import torch.nn as nn
import torch.nn.functional as F

# fixed alphabet, index 0 = padding, 1 = unknown
ALPHABET = string.ascii_lowercase + string.digits + string.punctuation
CHAR2IDX = {c: i + 2 for i, c in enumerate(ALPHABET)}
VOCAB_SIZE = len(ALPHABET) + 2


def encode_url(url: str, max_len: int) -> list:
    ids = [CHAR2IDX.get(c, 1) for c in url.lower()[:max_len]]
    return ids + [0] * (max_len - len(ids))


class CharCNN(nn.Module):
    def __init__(self, emb_dim=48, n_filters=128, kernel_sizes=(3, 4, 5, 7), dropout=0.4):
        super().__init__()
        self.emb = nn.Embedding(VOCAB_SIZE, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList([nn.Conv1d(emb_dim, n_filters, k, padding=k // 2) for k in kernel_sizes])
        self.bn = nn.BatchNorm1d(n_filters * len(kernel_sizes))
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(n_filters * len(kernel_sizes), 1)

    def forward(self, x):
        h = self.emb(x).transpose(1, 2)  # (B, E, L)
        pooled = [F.relu(conv(h)).amax(dim=2) for conv in self.convs]
        z = self.drop(self.bn(torch.cat(pooled, dim=1)))
        return self.fc(z).squeeze(1)
