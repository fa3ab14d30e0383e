import torch
import torch.nn as nn
import torch.nn.functional as F


class ZILNNet(nn.Module):
    """Outputs logits for P(returning), and mu / sigma of the log-normal spend."""

    def __init__(self, n_in: int, hidden: int = 128, p_drop: float = 0.2):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.ReLU(), nn.Dropout(p_drop),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(p_drop),
        )
        self.head = nn.Linear(hidden // 2, 3)

    def forward(self, x):
        return self.head(self.body(x))


def ziln_loss(out: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    logit, mu, raw_sigma = out[:, 0], out[:, 1], out[:, 2]
    positive = (y > 0).float()
    cls = F.binary_cross_entropy_with_logits(logit, positive)
    sigma = F.softplus(raw_sigma) + 1e-4
    safe_y = torch.where(y > 0, y, torch.ones_like(y))
    nll = torch.log(safe_y * sigma) + 0.5 * ((torch.log(safe_y) - mu) / sigma) ** 2
    reg = (positive * nll).sum() / positive.sum().clamp(min=1.0)
    return cls + reg


def ziln_expected_value(out: torch.Tensor) -> torch.Tensor:
    p = torch.sigmoid(out[:, 0])
    sigma = F.softplus(out[:, 2]) + 1e-4
    return p * torch.exp(out[:, 1] + 0.5 * sigma ** 2)
