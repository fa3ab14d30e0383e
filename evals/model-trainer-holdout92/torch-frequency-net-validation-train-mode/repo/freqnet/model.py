import torch
from torch import nn


class FrequencyNet(nn.Module):
    """Poisson frequency network with entity embeddings and a log-exposure offset."""

    def __init__(self, n_numeric, cat_cardinalities, emb_dim=6, hidden=(64, 32), dropout=0.2):
        super().__init__()
        self.embeddings = nn.ModuleList([nn.Embedding(card, emb_dim) for card in cat_cardinalities])
        in_dim = n_numeric + emb_dim * len(cat_cardinalities)
        layers = []
        for h in hidden:
            layers += [nn.Linear(in_dim, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
            in_dim = h
        self.body = nn.Sequential(*layers)
        self.head = nn.Linear(in_dim, 1)

    def forward(self, x_num, x_cat, log_exposure):
        embs = [emb(x_cat[:, i]) for i, emb in enumerate(self.embeddings)]
        h = self.body(torch.cat([x_num] + embs, dim=1))
        log_mu = self.head(h).squeeze(1) + log_exposure
        return log_mu
