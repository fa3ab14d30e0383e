import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class TDNNBlock(nn.Sequential):
    def __init__(self, c_in, c_out, kernel, dilation, dropout):
        super().__init__(
            nn.Conv1d(c_in, c_out, kernel_size=kernel, dilation=dilation),
            nn.ReLU(),
            nn.BatchNorm1d(c_out),
            nn.Dropout(dropout),
        )


class XVector(nn.Module):
    def __init__(self, n_feats=80, emb_dim=192, dropout=0.1):
        super().__init__()
        self.frame = nn.Sequential(
            TDNNBlock(n_feats, 512, 5, 1, dropout),
            TDNNBlock(512, 512, 3, 2, dropout),
            TDNNBlock(512, 512, 3, 3, dropout),
            TDNNBlock(512, 512, 1, 1, dropout),
            TDNNBlock(512, 1500, 1, 1, dropout),
        )
        self.segment = nn.Linear(3000, emb_dim)

    def forward(self, x):
        h = self.frame(x.transpose(1, 2))
        stats = torch.cat([h.mean(dim=-1), h.std(dim=-1)], dim=1)
        return self.segment(stats)


class AAMSoftmax(nn.Module):
    def __init__(self, emb_dim, n_speakers, margin=0.2, scale=30.0):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_speakers, emb_dim))
        nn.init.xavier_normal_(self.weight)
        self.m, self.s = margin, scale

    def forward(self, emb, labels):
        cos = F.linear(F.normalize(emb), F.normalize(self.weight)).clamp(-1 + 1e-7, 1 - 1e-7)
        theta = torch.acos(cos)
        target = torch.cos(theta + self.m)
        one_hot = F.one_hot(labels, cos.size(1)).bool()
        logits = self.s * torch.where(one_hot, target, cos)
        return F.cross_entropy(logits, labels)
