import math

import torch
from torch import nn


class PhotoZMDN(nn.Module):
    """Gaussian mixture density network p(z | photometry)."""

    def __init__(self, n_in, n_components=5, hidden=256, dropout=0.1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_in, hidden), nn.SiLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.SiLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.SiLU(),
        )
        self.head = nn.Linear(hidden, 3 * n_components)

    def forward(self, x):
        logits, mu, log_sigma = self.head(self.body(x)).chunk(3, dim=-1)
        return logits, mu, log_sigma.clamp(-7, 2)


def mdn_nll(logits, mu, log_sigma, z):
    z = z.unsqueeze(-1)
    log_pi = torch.log_softmax(logits, dim=-1)
    log_n = -0.5 * ((z - mu) / log_sigma.exp()) ** 2 - log_sigma - 0.5 * math.log(2 * math.pi)
    return -torch.logsumexp(log_pi + log_n, dim=-1).mean()


def point_estimate(logits, mu):
    # mean of the mixture
    return (torch.softmax(logits, dim=-1) * mu).sum(-1)
