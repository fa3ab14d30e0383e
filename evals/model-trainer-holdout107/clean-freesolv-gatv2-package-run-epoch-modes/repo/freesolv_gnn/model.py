import torch
from torch import nn
from torch_geometric.nn import GATv2Conv, global_mean_pool, global_max_pool

from .featurize import ATOM_CARDINALITIES, BOND_CARDINALITIES


class CategoricalEncoder(nn.Module):
    def __init__(self, cardinalities, dim):
        super().__init__()
        self.embeddings = nn.ModuleList([nn.Embedding(c, dim) for c in cardinalities])

    def forward(self, x):
        return sum(emb(x[:, i]) for i, emb in enumerate(self.embeddings))


class GATv2Regressor(nn.Module):
    def __init__(self, emb_dim=32, hidden=128, heads=4, layers=3, dropout=0.25):
        super().__init__()
        self.atom_enc = CategoricalEncoder(ATOM_CARDINALITIES, emb_dim)
        self.bond_enc = CategoricalEncoder(BOND_CARDINALITIES, emb_dim)
        dims = [emb_dim] + [hidden] * layers
        self.convs = nn.ModuleList(
            GATv2Conv(dims[i], hidden // heads, heads=heads, edge_dim=emb_dim) for i in range(layers)
        )
        self.norms = nn.ModuleList(nn.BatchNorm1d(hidden) for _ in range(layers))
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Sequential(nn.Linear(2 * hidden, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, 1))

    def forward(self, data):
        h = self.atom_enc(data.x)
        e = self.bond_enc(data.edge_attr)
        for conv, norm in zip(self.convs, self.norms):
            h = self.dropout(torch.nn.functional.elu(norm(conv(h, data.edge_index, e))))
        pooled = torch.cat([global_mean_pool(h, data.batch), global_max_pool(h, data.batch)], dim=-1)
        return self.head(pooled)
