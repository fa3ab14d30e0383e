import torch.nn as nn


def conv_block(c_in, c_out, k):
    return nn.Sequential(
        nn.Conv1d(c_in, c_out, k, padding=k // 2),
        nn.BatchNorm1d(c_out),
        nn.ReLU(inplace=True),
    )


class HARNet(nn.Module):
    def __init__(self, in_ch=9, n_classes=6, width=64, p_drop=0.4):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(in_ch, width, 7),
            conv_block(width, width, 5),
            nn.MaxPool1d(2),
            conv_block(width, width * 2, 5),
            conv_block(width * 2, width * 2, 3),
            nn.AdaptiveAvgPool1d(1),
        )
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(p_drop), nn.Linear(width * 2, n_classes))

    def forward(self, x):
        return self.head(self.features(x))
