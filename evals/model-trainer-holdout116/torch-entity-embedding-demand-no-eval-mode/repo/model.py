import torch
import torch.nn as nn


class EntityEmbeddingNet(nn.Module):
    """Guo & Berkhahn style entity-embedding MLP for Rossmann daily sales."""

    def __init__(self, cardinalities, emb_dims, n_cont, hidden, dropout):
        super().__init__()
        self.embs = nn.ModuleList(
            [nn.Embedding(card, dim) for card, dim in zip(cardinalities, emb_dims)]
        )
        n_emb = sum(emb_dims)
        layers, d_in = [], n_emb + n_cont
        for h in hidden:
            layers += [nn.Linear(d_in, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            d_in = h
        layers.append(nn.Linear(d_in, 1))
        self.mlp = nn.Sequential(*layers)
        self.bn_cont = nn.BatchNorm1d(n_cont)

    def forward(self, x_cat, x_cont):
        e = torch.cat([emb(x_cat[:, i]) for i, emb in enumerate(self.embs)], dim=1)
        x = torch.cat([e, self.bn_cont(x_cont)], dim=1)
        return self.mlp(x).squeeze(1)
