import torch
import torch.nn as nn


class EtaMLP(nn.Module):
    """Tabular MLP: numeric features + embeddings for hub / service level / vehicle type."""

    def __init__(self, n_num, cat_cardinalities, emb_dim=8, hidden=(256, 128, 64), dropout=0.25):
        super().__init__()
        # +1 so that index 0 can be used for categories unseen in training
        self.embs = nn.ModuleList([nn.Embedding(card + 1, emb_dim) for card in cat_cardinalities])
        in_dim = n_num + emb_dim * len(cat_cardinalities)
        layers = []
        for h in hidden:
            layers += [nn.Linear(in_dim, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            in_dim = h
        layers.append(nn.Linear(in_dim, 1))
        self.head = nn.Sequential(*layers)

    def forward(self, x_num, x_cat):
        embs = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        x = torch.cat([x_num, *embs], dim=1)
        return self.head(x).squeeze(-1)
