import numpy as np
import torch
import torch.nn as nn

# NTU RGB+D 25-joint skeleton, 1-based pairs as in the dataset paper
NTU_EDGES = [(1, 2), (2, 21), (3, 21), (4, 3), (5, 21), (6, 5), (7, 6), (8, 7), (9, 21),
             (10, 9), (11, 10), (12, 11), (13, 1), (14, 13), (15, 14), (16, 15), (17, 1),
             (18, 17), (19, 18), (20, 19), (22, 23), (23, 8), (24, 25), (25, 12)]


def normalized_adjacency(num_joints=25):
    A = np.eye(num_joints, dtype=np.float32)
    for i, j in NTU_EDGES:
        A[i - 1, j - 1] = A[j - 1, i - 1] = 1.0
    d = A.sum(1) ** -0.5
    return d[:, None] * A * d[None, :]


class STGCNBlock(nn.Module):
    def __init__(self, c_in, c_out, A, stride=1, dropout=0.0):
        super().__init__()
        self.register_buffer("A", torch.tensor(A))
        self.edge_importance = nn.Parameter(torch.ones_like(self.A))
        self.gcn = nn.Conv2d(c_in, c_out, kernel_size=1)
        self.tcn = nn.Sequential(
            nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
            nn.Conv2d(c_out, c_out, kernel_size=(9, 1), padding=(4, 0), stride=(stride, 1)),
            nn.BatchNorm2d(c_out), nn.Dropout(dropout),
        )
        if c_in == c_out and stride == 1:
            self.residual = nn.Identity()
        else:
            self.residual = nn.Sequential(nn.Conv2d(c_in, c_out, 1, stride=(stride, 1)), nn.BatchNorm2d(c_out))
        self.relu = nn.ReLU(inplace=True)

    def forward(self, x):                                   # (N, C, T, V)
        res = self.residual(x)
        x = torch.einsum("nctv,vw->nctw", self.gcn(x), self.A * self.edge_importance)
        return self.relu(self.tcn(x) + res)


class STGCN(nn.Module):
    def __init__(self, num_class=60, in_channels=3, dropout=0.5):
        super().__init__()
        A = normalized_adjacency()
        self.data_bn = nn.BatchNorm1d(in_channels * 25)
        cfg = [(in_channels, 64, 1), (64, 64, 1), (64, 64, 1), (64, 128, 2),
               (128, 128, 1), (128, 256, 2), (256, 256, 1)]
        self.blocks = nn.ModuleList(STGCNBlock(i, o, A, s, dropout if k else 0.0)
                                    for k, (i, o, s) in enumerate(cfg))
        self.fc = nn.Linear(256, num_class)

    def forward(self, x):                                   # (N, C, T, V, M)
        n, c, t, v, m = x.shape
        x = x.permute(0, 4, 3, 1, 2).reshape(n * m, v * c, t)
        x = self.data_bn(x).reshape(n * m, v, c, t).permute(0, 2, 3, 1)
        for blk in self.blocks:
            x = blk(x)
        x = x.mean(dim=(2, 3)).reshape(n, m, -1).mean(1)
        return self.fc(x)
