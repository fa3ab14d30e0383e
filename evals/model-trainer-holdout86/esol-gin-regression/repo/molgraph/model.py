import torch
from torch.nn import BatchNorm1d, Linear, ReLU, Sequential
from torch_geometric.nn import GINConv, global_add_pool


def _mlp(in_dim, out_dim):
    return Sequential(Linear(in_dim, out_dim), BatchNorm1d(out_dim), ReLU(), Linear(out_dim, out_dim))


class GIN(torch.nn.Module):
    """GIN with sum readout for graph-level regression."""

    def __init__(self, in_dim, hidden=128, num_layers=4, dropout=0.2):
        super().__init__()
        self.convs = torch.nn.ModuleList()
        for i in range(num_layers):
            self.convs.append(GINConv(_mlp(in_dim if i == 0 else hidden, hidden), train_eps=True))
        self.head = Sequential(Linear(hidden, hidden), ReLU(), torch.nn.Dropout(dropout), Linear(hidden, 1))

    def forward(self, x, edge_index, batch):
        for conv in self.convs:
            x = conv(x, edge_index).relu()
        return self.head(global_add_pool(x, batch)).squeeze(-1)
