import torch
import torch.nn.functional as F
from torch_geometric.nn import SAGEConv


class SAGEEncoder(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, dropout):
        super().__init__()
        self.conv1 = SAGEConv(in_dim, hidden)
        self.conv2 = SAGEConv(hidden, out_dim)
        self.dropout = dropout

    def forward(self, x, edge_index):
        x = F.relu(self.conv1(x, edge_index))
        x = F.dropout(x, self.dropout, self.training)
        return self.conv2(x, edge_index)


class MLPDecoder(torch.nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.lin1 = torch.nn.Linear(dim, dim)
        self.lin2 = torch.nn.Linear(dim, 1)

    def forward(self, z, edge_label_index):
        h = z[edge_label_index[0]] * z[edge_label_index[1]]
        return self.lin2(F.relu(self.lin1(h))).view(-1)


class LinkModel(torch.nn.Module):
    def __init__(self, in_dim, hidden, out_dim, dropout):
        super().__init__()
        self.encoder = SAGEEncoder(in_dim, hidden, out_dim, dropout)
        self.decoder = MLPDecoder(out_dim)

    def forward(self, x, edge_index, edge_label_index):
        return self.decoder(self.encoder(x, edge_index), edge_label_index)
