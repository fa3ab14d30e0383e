import torch
import torch.nn as nn

COCO_EDGES = [(15, 13), (13, 11), (16, 14), (14, 12), (11, 12), (5, 11), (6, 12), (5, 6), (5, 7),
              (6, 8), (7, 9), (8, 10), (1, 2), (0, 1), (0, 2), (1, 3), (2, 4), (3, 5), (4, 6)]


def coco_adjacency():
    A = torch.eye(17)
    for i, j in COCO_EDGES:
        A[i, j] = A[j, i] = 1
    d = A.sum(1).rsqrt()
    return d[:, None] * A * d[None]


class Block(nn.Module):
    def __init__(self, cin, cout, stride, dropout):
        super().__init__()
        self.gc = nn.Conv2d(cin, cout, 1)
        self.bn1 = nn.BatchNorm2d(cout)
        self.tc = nn.Conv2d(cout, cout, (9, 1), (stride, 1), (4, 0))
        self.bn2 = nn.BatchNorm2d(cout)
        self.drop = nn.Dropout(dropout)
        self.res = nn.Identity() if cin == cout and stride == 1 else nn.Sequential(
            nn.Conv2d(cin, cout, 1, (stride, 1)), nn.BatchNorm2d(cout))

    def forward(self, x, A):
        y = torch.relu(self.bn1(torch.einsum("nctv,vw->nctw", self.gc(x), A)))
        y = self.drop(self.bn2(self.tc(y)))
        return torch.relu(y + self.res(x))


class GymGCN(nn.Module):
    def __init__(self, num_classes, hidden=(64, 64, 128, 128, 256), dropout=0.25):
        super().__init__()
        self.register_buffer("A", coco_adjacency())
        chans = [3, *hidden]
        self.blocks = nn.ModuleList(
            Block(chans[i], chans[i + 1], 2 if chans[i + 1] > chans[i] and i > 0 else 1, dropout)
            for i in range(len(hidden)))
        self.fc = nn.Linear(hidden[-1], num_classes)

    def forward(self, x):
        for b in self.blocks:
            x = b(x, self.A)
        return self.fc(x.mean((2, 3)))
