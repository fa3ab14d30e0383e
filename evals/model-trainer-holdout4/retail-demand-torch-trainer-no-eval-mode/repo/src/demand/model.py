import torch
import torch.nn as nn


class DemandMLP(nn.Module):
    """Embeddings for store/item/dept + numeric context -> log1p(units) for the next week."""

    def __init__(self, n_stores, n_items, n_depts, n_numeric, emb_dim=16, hidden=256, dropout=0.3):
        super().__init__()
        self.store_emb = nn.Embedding(n_stores, emb_dim)
        self.item_emb = nn.Embedding(n_items, emb_dim * 2)
        self.dept_emb = nn.Embedding(n_depts, emb_dim // 2)
        in_dim = emb_dim + emb_dim * 2 + emb_dim // 2 + n_numeric
        self.net = nn.Sequential(
            nn.Linear(in_dim, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2),
            nn.BatchNorm1d(hidden // 2),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, store, item, dept, numeric):
        z = torch.cat([self.store_emb(store), self.item_emb(item), self.dept_emb(dept), numeric], dim=1)
        return self.net(z).squeeze(1)
