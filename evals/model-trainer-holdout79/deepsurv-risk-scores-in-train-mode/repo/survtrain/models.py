import torch
from torch import nn


class RiskMLP(nn.Module):
    """DeepSurv-style network producing a log-risk score per stay."""

    def __init__(self, n_in: int, hidden=(128, 64, 32), dropout: float = 0.4):
        super().__init__()
        blocks, d = [], n_in
        for h in hidden:
            blocks.append(nn.Sequential(nn.Linear(d, h), nn.BatchNorm1d(h), nn.SELU(), nn.Dropout(dropout)))
            d = h
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(d, 1, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x)).squeeze(-1)


def neg_partial_loglik(log_h: torch.Tensor, time: torch.Tensor, event: torch.Tensor) -> torch.Tensor:
    idx = torch.argsort(time, descending=True)
    log_h, event = log_h[idx], event[idx]
    lse = torch.logcumsumexp(log_h, dim=0)
    return -torch.sum((log_h - lse) * event) / event.sum().clamp_min(1.0)
