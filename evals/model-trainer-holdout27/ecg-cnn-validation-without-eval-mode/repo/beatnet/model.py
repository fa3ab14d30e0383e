import torch.nn as nn


def conv_block(c_in, c_out, dropout):
    return nn.Sequential(
        nn.Conv1d(c_in, c_out, kernel_size=5, padding=2),
        nn.BatchNorm1d(c_out),
        nn.ReLU(inplace=True),
        nn.MaxPool1d(2),
        nn.Dropout(dropout),
    )


class BeatNet(nn.Module):
    def __init__(self, n_classes: int = 5, dropout: float = 0.25):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(1, 32, dropout), conv_block(32, 64, dropout), conv_block(64, 128, dropout)
        )
        self.head = nn.Sequential(nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Dropout(dropout), nn.Linear(128, n_classes))

    def forward(self, x):
        return self.head(self.features(x))
