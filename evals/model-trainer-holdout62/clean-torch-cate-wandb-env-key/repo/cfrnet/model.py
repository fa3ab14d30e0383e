import torch
from torch import nn


class CFRNet(nn.Module):
    """Counterfactual regression (Shalit et al., 2017) with a linear-MMD balance penalty."""

    def __init__(self, d_in, hidden=128, dropout=0.1):
        super().__init__()
        self.rep = nn.Sequential(
            nn.Linear(d_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(dropout),
        )
        self.heads = nn.ModuleList([
            nn.Sequential(nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 1)) for _ in range(2)
        ])

    def forward(self, x):
        phi = self.rep(x)
        return phi, self.heads[0](phi).squeeze(-1), self.heads[1](phi).squeeze(-1)


def linear_mmd(phi, t):
    if t.sum() == 0 or (1 - t).sum() == 0:
        return phi.new_zeros(())
    return torch.norm(phi[t == 1].mean(0) - phi[t == 0].mean(0)) ** 2


def cfr_loss(phi, logit0, logit1, t, y, ipm_weight):
    logit = torch.where(t == 1, logit1, logit0)
    factual = nn.functional.binary_cross_entropy_with_logits(logit, y)
    return factual + ipm_weight * linear_mmd(phi, t)
