import torch.nn as nn
import torch.nn.functional as F
from dgl.nn import SAGEConv


class SAGE(nn.Module):
    def __init__(self, in_feats, hidden, n_classes, num_layers=3, dropout=0.5):
        super().__init__()
        sizes = [in_feats] + [hidden] * (num_layers - 1) + [n_classes]
        self.layers = nn.ModuleList(SAGEConv(a, b, "mean") for a, b in zip(sizes, sizes[1:]))
        self.norms = nn.ModuleList(nn.BatchNorm1d(hidden) for _ in range(num_layers - 1))
        self.dropout = nn.Dropout(dropout)

    def forward(self, blocks, x):
        h = x
        for i, (layer, block) in enumerate(zip(self.layers, blocks)):
            h = layer(block, h)
            if i < len(self.layers) - 1:
                h = self.dropout(F.relu(self.norms[i](h)))
        return h
