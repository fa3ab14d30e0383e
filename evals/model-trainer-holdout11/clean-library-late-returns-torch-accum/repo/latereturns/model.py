import torch
import torch.nn as nn


class LateNet(nn.Module):
    def __init__(self, n_num, n_branches, emb_dim=8):
        super().__init__()
        self.emb = nn.Embedding(n_branches + 1, emb_dim)
        self.mlp = nn.Sequential(nn.Linear(n_num + emb_dim, 64), nn.ReLU(), nn.Dropout(0.2),
                                 nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x, branch):
        return self.mlp(torch.cat([x, self.emb(branch)], dim=1)).squeeze(1)
