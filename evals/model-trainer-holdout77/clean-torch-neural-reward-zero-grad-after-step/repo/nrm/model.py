import torch
from torch import nn


class NeuralRewardModel(nn.Module):
    """r(x, a): context MLP + arm embedding, outputs a click logit."""

    def __init__(self, ctx_dim, n_arms, arm_dim, hidden, dropout):
        super().__init__()
        self.arm_emb = nn.Embedding(n_arms, arm_dim)
        layers, d = [], ctx_dim + arm_dim
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, ctx, arm):
        return self.mlp(torch.cat([ctx, self.arm_emb(arm)], dim=1)).squeeze(1)
