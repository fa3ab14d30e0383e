import torch
import torch.nn as nn
import torch.nn.functional as F
from dgl.nn import SAGEConv


class SAGEEncoder(nn.Module):
    def __init__(self, in_feats, hidden, out):
        super().__init__()
        self.conv1 = SAGEConv(in_feats, hidden, "mean")
        self.conv2 = SAGEConv(hidden, out, "mean")

    def forward(self, g, x):
        return self.conv2(g, F.relu(self.conv1(g, x)))


def score_pairs(h, pairs):
    src, dst = pairs
    return (h[src] * h[dst]).sum(dim=-1)


def degree_product(g, pairs):
    deg = g.in_degrees().float()
    src, dst = pairs
    return torch.log1p(deg[src] * deg[dst])
