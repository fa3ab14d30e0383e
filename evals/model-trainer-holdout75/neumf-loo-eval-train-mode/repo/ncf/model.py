import torch
import torch.nn as nn


class NeuMF(nn.Module):
    """GMF + MLP branches fused by a final linear layer (He et al., 2017)."""

    def __init__(self, n_users, n_items, mf_dim=32, mlp_layers=(128, 64, 32), dropout=0.2):
        super().__init__()
        self.user_gmf = nn.Embedding(n_users, mf_dim)
        self.item_gmf = nn.Embedding(n_items, mf_dim)
        self.user_mlp = nn.Embedding(n_users, mlp_layers[0] // 2)
        self.item_mlp = nn.Embedding(n_items, mlp_layers[0] // 2)
        blocks = []
        for d_in, d_out in zip(mlp_layers[:-1], mlp_layers[1:]):
            blocks += [nn.Linear(d_in, d_out), nn.BatchNorm1d(d_out), nn.ReLU(), nn.Dropout(dropout)]
        self.mlp = nn.Sequential(*blocks)
        self.head = nn.Linear(mf_dim + mlp_layers[-1], 1)
        for emb in (self.user_gmf, self.item_gmf, self.user_mlp, self.item_mlp):
            nn.init.normal_(emb.weight, std=0.01)

    def forward(self, users, items):
        gmf = self.user_gmf(users) * self.item_gmf(items)
        mlp = self.mlp(torch.cat([self.user_mlp(users), self.item_mlp(items)], dim=-1))
        return self.head(torch.cat([gmf, mlp], dim=-1)).squeeze(-1)
