import torch.nn as nn


class TemporalCNN(nn.Module):
    def __init__(self, in_ch, n_classes, width=128, dropout=0.3):
        super().__init__()

        def block(cin, cout, dilation):
            return nn.Sequential(
                nn.Conv1d(cin, cout, 5, padding=2 * dilation, dilation=dilation),
                nn.BatchNorm1d(cout),
                nn.ReLU(),
                nn.Dropout(dropout),
            )

        self.net = nn.Sequential(block(in_ch, width, 1), block(width, width, 2), block(width, width, 4))
        self.fc = nn.Linear(width, n_classes)

    def forward(self, x):            # x: (B, T, F)
        h = self.net(x.transpose(1, 2))
        return self.fc(h.mean(-1))
