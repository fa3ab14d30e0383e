import torch
import torch.nn as nn
import torch.nn.functional as F
from torch_geometric.nn import GINConv, global_add_pool, global_mean_pool
from torch_geometric.nn.models import MLP

ATOM_FEATURE_DIMS = [119, 9, 11, 12, 9, 5, 8, 2, 2]


class AtomEncoder(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.embeddings = nn.ModuleList(nn.Embedding(d + 1, hidden) for d in ATOM_FEATURE_DIMS)

    def forward(self, x):
        return sum(emb(x[:, i]) for i, emb in enumerate(self.embeddings))


class GIN(nn.Module):
    def __init__(self, hidden_dim, num_layers, dropout, pooling="mean", num_tasks=1):
        super().__init__()
        self.atom_encoder = AtomEncoder(hidden_dim)
        self.convs = nn.ModuleList(
            GINConv(MLP([hidden_dim, 2 * hidden_dim, hidden_dim], norm="batch_norm"), train_eps=True)
            for _ in range(num_layers)
        )
        self.bns = nn.ModuleList(nn.BatchNorm1d(hidden_dim) for _ in range(num_layers))
        self.pool = global_mean_pool if pooling == "mean" else global_add_pool
        self.dropout = dropout
        self.head = nn.Linear(hidden_dim, num_tasks)

    def forward(self, data):
        h = self.atom_encoder(data.x)
        for conv, bn in zip(self.convs, self.bns):
            h = F.relu(bn(conv(h, data.edge_index)))
            h = F.dropout(h, self.dropout, training=self.training)
        return self.head(self.pool(h, data.batch))
