import torch
from torch import nn


class DeepSurv(nn.Module):
    def __init__(self, in_features: int, hidden=(64, 32), dropout: float = 0.3):
        super().__init__()
        layers = []
        prev = in_features
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            prev = h
        layers.append(nn.Linear(prev, 1, bias=False))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def cox_ph_loss(log_risk: torch.Tensor, time: torch.Tensor, event: torch.Tensor) -> torch.Tensor:
    """Negative Breslow partial log-likelihood (no tie correction)."""
    order = torch.argsort(time, descending=True)
    log_risk, event = log_risk[order], event[order]
    log_cumsum = torch.logcumsumexp(log_risk, dim=0)
    n_events = event.sum().clamp(min=1.0)
    return -((log_risk - log_cumsum) * event).sum() / n_events
