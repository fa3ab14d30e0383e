import torch
from torch import nn


def _block(d_in, d_out, p):
    return nn.Sequential(nn.Linear(d_in, d_out), nn.BatchNorm1d(d_out), nn.ELU(), nn.Dropout(p))


class DragonNet(nn.Module):
    """Shared representation, two outcome heads and a propensity head (Shi et al., 2019)."""

    def __init__(self, n_features, hidden=200, dropout=0.2):
        super().__init__()
        self.shared = nn.Sequential(_block(n_features, hidden, dropout), _block(hidden, hidden, dropout),
                                    _block(hidden, hidden, dropout))
        self.head0 = nn.Sequential(_block(hidden, hidden // 2, dropout), nn.Linear(hidden // 2, 1))
        self.head1 = nn.Sequential(_block(hidden, hidden // 2, dropout), nn.Linear(hidden // 2, 1))
        self.prop = nn.Linear(hidden, 1)

    def forward(self, x):
        z = self.shared(x)
        return self.head0(z).squeeze(-1), self.head1(z).squeeze(-1), torch.sigmoid(self.prop(z)).squeeze(-1)


def dragonnet_loss(y, t, y0_hat, y1_hat, g_hat, alpha=1.0):
    y_hat = t * y1_hat + (1 - t) * y0_hat
    outcome = ((y - y_hat) ** 2).mean()
    treat = nn.functional.binary_cross_entropy(g_hat.clamp(1e-4, 1 - 1e-4), t)
    return outcome + alpha * treat
