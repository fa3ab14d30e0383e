import torch.nn as nn


class TemporalBlock(nn.Module):
    def __init__(self, cin, cout, dilation, dropout):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(cin, cout, 3, padding=dilation, dilation=dilation), nn.BatchNorm1d(cout), nn.ReLU(),
            nn.Dropout(dropout),
            nn.Conv1d(cout, cout, 3, padding=dilation, dilation=dilation), nn.BatchNorm1d(cout),
        )
        self.skip = nn.Conv1d(cin, cout, 1) if cin != cout else nn.Identity()
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.net(x) + self.skip(x))


class PoseTCN(nn.Module):
    def __init__(self, in_ch=39, n_classes=15, width=128, levels=4, dropout=0.2):
        super().__init__()
        chans = [in_ch] + [width] * levels
        self.blocks = nn.Sequential(*[TemporalBlock(chans[i], chans[i + 1], 2 ** i, dropout) for i in range(levels)])
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        return self.head(self.blocks(x).mean(-1))
