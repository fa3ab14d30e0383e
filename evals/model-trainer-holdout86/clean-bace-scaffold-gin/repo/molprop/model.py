import torch
import torch.nn.functional as F
from torch.nn import BatchNorm1d, Linear, ReLU, Sequential
from torch_geometric.nn import GINConv, global_mean_pool


class GINClassifier(torch.nn.Module):
    def __init__(self, in_dim, hidden, num_layers, dropout):
        super().__init__()
        self.convs, self.bns = torch.nn.ModuleList(), torch.nn.ModuleList()
        for i in range(num_layers):
            mlp = Sequential(Linear(in_dim if i == 0 else hidden, hidden), ReLU(), Linear(hidden, hidden))
            self.convs.append(GINConv(mlp))
            self.bns.append(BatchNorm1d(hidden))
        self.dropout = dropout
        self.out = Linear(hidden, 1)

    def forward(self, x, edge_index, batch):
        for conv, bn in zip(self.convs, self.bns):
            x = F.dropout(F.relu(bn(conv(x, edge_index))), self.dropout, self.training)
        return self.out(global_mean_pool(x, batch)).view(-1)
