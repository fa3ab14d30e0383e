import torch
import torch.nn as nn
import torch.nn.functional as F


class GCNLayer(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.lin = nn.Linear(d_in, d_out)

    def forward(self, x, adj):
        return torch.sparse.mm(adj, self.lin(x))


class GCN(nn.Module):
    def __init__(self, d_in, d_hidden=100, n_classes=2, dropout=0.5):
        super().__init__()
        self.gc1 = GCNLayer(d_in, d_hidden)
        self.gc2 = GCNLayer(d_hidden, n_classes)
        self.dropout = dropout

    def forward(self, x, adj):
        h = F.relu(self.gc1(x, adj))
        h = F.dropout(h, p=self.dropout, training=self.training)
        return self.gc2(h, adj)
