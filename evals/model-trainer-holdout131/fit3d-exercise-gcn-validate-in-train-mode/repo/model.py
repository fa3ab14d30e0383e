import torch
import torch.nn as nn

# Human3.6M 17-joint layout used by the Fit3D export
H36M_EDGES = [(0, 1), (1, 2), (2, 3), (0, 4), (4, 5), (5, 6), (0, 7), (7, 8), (8, 9), (9, 10),
              (8, 11), (11, 12), (12, 13), (8, 14), (14, 15), (15, 16)]


def adjacency(n=17):
    A = torch.eye(n)
    for i, j in H36M_EDGES:
        A[i, j] = A[j, i] = 1.0
    deg = A.sum(1)
    return A / deg.sqrt()[:, None] / deg.sqrt()[None, :]


class GraphTemporalBlock(nn.Module):
    def __init__(self, c_in, c_out, stride=1, dropout=0.0):
        super().__init__()
        self.spatial = nn.Conv2d(c_in, c_out, 1)
        self.temporal = nn.Sequential(
            nn.BatchNorm2d(c_out), nn.ReLU(),
            nn.Conv2d(c_out, c_out, (9, 1), padding=(4, 0), stride=(stride, 1)),
            nn.BatchNorm2d(c_out), nn.Dropout(dropout),
        )
        self.down = nn.Identity() if (c_in == c_out and stride == 1) else nn.Conv2d(c_in, c_out, 1, stride=(stride, 1))

    def forward(self, x, A):
        y = torch.einsum("nctv,vw->nctw", self.spatial(x), A)
        return torch.relu(self.temporal(y) + self.down(x))


class ExerciseGCN(nn.Module):
    def __init__(self, n_classes, hidden=96, dropout=0.3):
        super().__init__()
        self.register_buffer("A", adjacency())
        self.bn_in = nn.BatchNorm1d(3 * 17)
        self.blocks = nn.ModuleList([
            GraphTemporalBlock(3, hidden, dropout=dropout),
            GraphTemporalBlock(hidden, hidden, dropout=dropout),
            GraphTemporalBlock(hidden, 2 * hidden, stride=2, dropout=dropout),
            GraphTemporalBlock(2 * hidden, 2 * hidden, dropout=dropout),
        ])
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * hidden, n_classes))

    def forward(self, x):                       # x: (N, T, V, 3)
        n, t, v, c = x.shape
        x = self.bn_in(x.permute(0, 2, 3, 1).reshape(n, v * c, t))
        x = x.reshape(n, v, c, t).permute(0, 2, 3, 1)          # (N, C, T, V)
        for blk in self.blocks:
            x = blk(x, self.A)
        return self.head(x.mean(dim=(2, 3)))
