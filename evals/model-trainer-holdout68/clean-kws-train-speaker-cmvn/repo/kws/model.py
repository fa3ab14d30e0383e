import torch
import torch.nn as nn


class CRNN(nn.Module):
    def __init__(self, n_mels, n_classes, channels=48, hidden=96, dropout=0.2):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, channels, (5, 3), padding=(2, 1)),
            nn.BatchNorm2d(channels),
            nn.ReLU(),
            nn.MaxPool2d((2, 1)),
            nn.Conv2d(channels, channels, 3, padding=1),
            nn.BatchNorm2d(channels),
            nn.ReLU(),
            nn.MaxPool2d((2, 2)),
        )
        self.gru = nn.GRU(channels * (n_mels // 4), hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(2 * hidden, n_classes)

    def forward(self, x):
        h = self.conv(x.unsqueeze(1))
        b, c, f, t = h.shape
        h, _ = self.gru(h.permute(0, 3, 1, 2).reshape(b, t, c * f))
        return self.fc(self.drop(h.mean(dim=1)))
