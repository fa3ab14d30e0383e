import torch
import torch.nn as nn


class DeepFM(nn.Module):
    def __init__(self, cardinalities, n_dense, embed_dim=16, mlp_dims=(256, 128, 64), dropout=0.2):
        super().__init__()
        self.embeddings = nn.ModuleList([nn.Embedding(c, embed_dim) for c in cardinalities])
        self.linear_sparse = nn.ModuleList([nn.Embedding(c, 1) for c in cardinalities])
        self.linear_dense = nn.Linear(n_dense, 1)
        layers, d_in = [], len(cardinalities) * embed_dim + n_dense
        for d in mlp_dims:
            layers += [nn.Linear(d_in, d), nn.BatchNorm1d(d), nn.ReLU(), nn.Dropout(dropout)]
            d_in = d
        layers.append(nn.Linear(d_in, 1))
        self.dnn = nn.Sequential(*layers)

    def forward(self, sparse, dense):
        emb = torch.stack([e(sparse[:, k]) for k, e in enumerate(self.embeddings)], dim=1)
        first_order = sum(l(sparse[:, k]) for k, l in enumerate(self.linear_sparse)) + self.linear_dense(dense)
        square_of_sum = emb.sum(dim=1).pow(2)
        sum_of_square = emb.pow(2).sum(dim=1)
        fm = 0.5 * (square_of_sum - sum_of_square).sum(dim=1, keepdim=True)
        deep = self.dnn(torch.cat([emb.flatten(1), dense], dim=1))
        return (first_order + fm + deep).squeeze(1)
