import torch
import torch.nn as nn


class TDNNLayer(nn.Module):
    def __init__(self, c_in, c_out, context, dilation):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_out, context, dilation=dilation)
        self.bn = nn.BatchNorm1d(c_out)

    def forward(self, x):
        return self.bn(torch.relu(self.conv(x)))


class XVector(nn.Module):
    def __init__(self, n_speakers, n_mels=40, channels=512, embed_dim=512):
        super().__init__()
        self.frames = nn.Sequential(
            TDNNLayer(n_mels, channels, 5, 1),
            TDNNLayer(channels, channels, 3, 2),
            TDNNLayer(channels, channels, 3, 3),
            TDNNLayer(channels, channels, 1, 1),
            TDNNLayer(channels, 1500, 1, 1),
        )
        self.segment = nn.Sequential(nn.Linear(3000, embed_dim), nn.ReLU(), nn.BatchNorm1d(embed_dim),
                                     nn.Dropout(0.2))
        self.classifier = nn.Linear(embed_dim, n_speakers)

    def forward(self, x):
        h = self.frames(x)
        stats = torch.cat([h.mean(dim=2), h.std(dim=2)], dim=1)
        return self.classifier(self.segment(stats))
