import torch
import torch.nn as nn
import torch.nn.functional as F
from dgl.nn import SAGEConv


class SAGE(nn.Module):
    def __init__(self, in_feats, hidden, n_classes, n_layers=3, dropout=0.5):
        super().__init__()
        self.layers = nn.ModuleList()
        self.norms = nn.ModuleList()
        for i in range(n_layers):
            in_dim = in_feats if i == 0 else hidden
            out_dim = n_classes if i == n_layers - 1 else hidden
            self.layers.append(SAGEConv(in_dim, out_dim, "mean"))
            if i < n_layers - 1:
                self.norms.append(nn.BatchNorm1d(out_dim))
        self.dropout = nn.Dropout(dropout)

    def forward(self, blocks, x):
        h = x
        for i, (layer, block) in enumerate(zip(self.layers, blocks)):
            h = layer(block, h)
            if i < len(self.layers) - 1:
                h = self.norms[i](h)
                h = F.relu(h)
                h = self.dropout(h)
        return h
