import torch
import torch.nn as nn


class LocCNN(nn.Module):
    def __init__(self, n_classes=10, emb=32, channels=128, kernels=(3, 9, 15, 21), dropout=0.3):
        super().__init__()
        self.embed = nn.Embedding(21, emb, padding_idx=0)
        self.convs = nn.ModuleList(nn.Conv1d(emb, channels, k, padding=k // 2) for k in kernels)
        self.norm = nn.BatchNorm1d(channels * len(kernels))
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(channels * len(kernels), n_classes)

    def forward(self, ids):
        mask = (ids != 0).unsqueeze(1)                       # (B, 1, L)
        x = self.embed(ids).transpose(1, 2)                  # (B, E, L)
        feats = [torch.relu(c(x)).masked_fill(~mask, float("-inf")).amax(-1) for c in self.convs]
        return self.out(self.drop(self.norm(torch.cat(feats, 1))))
