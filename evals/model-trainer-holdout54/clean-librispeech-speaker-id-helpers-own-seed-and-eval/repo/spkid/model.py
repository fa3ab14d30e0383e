import torch
import torch.nn as nn


class SEBlock(nn.Module):
    def __init__(self, ch, r=8):
        super().__init__()
        self.fc = nn.Sequential(nn.Linear(ch, ch // r), nn.ReLU(), nn.Linear(ch // r, ch), nn.Sigmoid())

    def forward(self, x):
        return x * self.fc(x.mean(dim=2)).unsqueeze(2)


class EcapaLite(nn.Module):
    def __init__(self, n_mels, n_speakers, channels=256, emb_dim=192):
        super().__init__()
        self.tdnn = nn.Sequential(
            nn.Conv1d(n_mels, channels, 5, padding=2), nn.ReLU(), nn.BatchNorm1d(channels),
            nn.Conv1d(channels, channels, 3, padding=2, dilation=2), nn.ReLU(), nn.BatchNorm1d(channels), SEBlock(channels),
            nn.Conv1d(channels, channels, 3, padding=3, dilation=3), nn.ReLU(), nn.BatchNorm1d(channels), SEBlock(channels),
        )
        self.embed = nn.Sequential(nn.Linear(2 * channels, emb_dim), nn.BatchNorm1d(emb_dim), nn.Dropout(0.2))
        self.classify = nn.Linear(emb_dim, n_speakers)

    def forward(self, x):
        h = self.tdnn(x.squeeze(1))
        return self.classify(self.embed(torch.cat([h.mean(2), h.std(2)], dim=1)))
