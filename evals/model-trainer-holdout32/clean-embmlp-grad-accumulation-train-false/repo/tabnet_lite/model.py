import torch
import torch.nn as nn


class EmbMLP(nn.Module):
    def __init__(self, n_num, cardinalities, emb_dim=8, hidden=(128, 64), dropout=0.25):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(card, min(emb_dim, (card + 1) // 2)) for card in cardinalities])
        d_in = n_num + sum(e.embedding_dim for e in self.embs)
        layers = []
        for h in hidden:
            layers += [nn.Linear(d_in, h), nn.BatchNorm1d(h), nn.SiLU(), nn.Dropout(dropout)]
            d_in = h
        self.mlp = nn.Sequential(*layers, nn.Linear(d_in, 1))

    def forward(self, x_num, x_cat):
        e = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat([x_num, *e], dim=1)).squeeze(1)
