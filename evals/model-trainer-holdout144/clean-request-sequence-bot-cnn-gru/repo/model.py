import torch
import torch.nn as nn


class RequestSeqEncoder(nn.Module):
    """Request-type embedding + log inter-arrival gap -> Conv1d/BN -> GRU -> bot logit."""

    def __init__(self, n_types, emb=24, channels=64, hidden=96, dropout=0.25):
        super().__init__()
        self.emb = nn.Embedding(n_types, emb, padding_idx=0)
        self.conv = nn.Sequential(
            nn.Conv1d(emb + 1, channels, kernel_size=5, padding=2),
            nn.BatchNorm1d(channels),
            nn.ReLU(),
        )
        self.gru = nn.GRU(channels, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(2 * hidden, 1)

    def forward(self, types, gaps, mask):
        x = torch.cat([self.emb(types), gaps.unsqueeze(-1)], dim=-1)
        x = self.conv(x.transpose(1, 2)).transpose(1, 2)
        h, _ = self.gru(x)
        h = (h * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True).clamp(min=1)
        return self.fc(self.drop(h)).squeeze(-1)
