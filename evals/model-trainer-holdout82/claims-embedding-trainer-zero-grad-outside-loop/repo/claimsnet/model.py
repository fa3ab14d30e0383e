import torch
import torch.nn as nn


def emb_size(card: int) -> int:
    return min(50, (card + 1) // 2)


class EntityEmbeddingNet(nn.Module):
    def __init__(self, cardinalities, n_num, hidden=(512, 256), dropout=0.15):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(c, emb_size(c)) for c in cardinalities])
        self.emb_drop = nn.Dropout(0.05)
        d_in = sum(emb_size(c) for c in cardinalities) + n_num
        blocks = []
        for h in hidden:
            blocks += [nn.Linear(d_in, h), nn.ReLU(), nn.BatchNorm1d(h), nn.Dropout(dropout)]
            d_in = h
        self.body = nn.Sequential(*blocks)
        self.head = nn.Linear(d_in, 1)

    def forward(self, x_cat, x_num):
        x = torch.cat([e(x_cat[:, i]) for i, e in enumerate(self.embs)], dim=1)
        x = torch.cat([self.emb_drop(x), x_num], dim=1)
        return self.head(self.body(x)).squeeze(-1)
