import torch
import torch.nn as nn

# SHREC'17 22-joint hand: 0 wrist, 1 palm, then 4 joints per finger (thumb ... pinky)
EDGES = [(0, 1), (0, 2), (2, 3), (3, 4), (4, 5)] + [
    e for base in (6, 10, 14, 18) for e in [(1, base), (base, base + 1), (base + 1, base + 2), (base + 2, base + 3)]
]


def normalized_adjacency(n=22):
    a = torch.eye(n)
    for i, j in EDGES:
        a[i, j] = a[j, i] = 1.0
    d = a.sum(1).pow(-0.5)
    return d[:, None] * a * d[None, :]


class STBlock(nn.Module):
    def __init__(self, cin, cout, dropout):
        super().__init__()
        self.register_buffer("A", normalized_adjacency())
        self.spatial = nn.Linear(cin, cout)
        self.temporal = nn.Sequential(nn.BatchNorm2d(cout), nn.ReLU(),
                                      nn.Conv2d(cout, cout, (9, 1), padding=(4, 0)), nn.BatchNorm2d(cout),
                                      nn.Dropout(dropout))
        self.res = nn.Identity() if cin == cout else nn.Conv2d(cin, cout, 1)

    def forward(self, x):                         # x: (B, C, T, V)
        h = torch.einsum("uv,bctv->bctu", self.A, x)
        h = self.spatial(h.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)
        return torch.relu(self.temporal(h) + self.res(x))


class HandGCN(nn.Module):
    def __init__(self, n_classes, hidden=64, dropout=0.3):
        super().__init__()
        self.data_bn = nn.BatchNorm1d(3 * 22)
        self.blocks = nn.Sequential(STBlock(3, hidden, dropout), STBlock(hidden, hidden, dropout),
                                    STBlock(hidden, 2 * hidden, dropout))
        self.fc = nn.Linear(2 * hidden, n_classes)

    def forward(self, x):                         # x: (B, T, V, 3)
        b, t, v, c = x.shape
        x = self.data_bn(x.permute(0, 3, 2, 1).reshape(b, c * v, t)).reshape(b, c, v, t).permute(0, 1, 3, 2)
        return self.fc(self.blocks(x).mean(dim=(2, 3)))
