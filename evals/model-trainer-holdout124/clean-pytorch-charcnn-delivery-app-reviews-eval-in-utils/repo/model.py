import torch.nn as nn


def conv_block(c_in, c_out, k, pool):
    layers = [nn.Conv1d(c_in, c_out, k, padding=k // 2), nn.BatchNorm1d(c_out), nn.ReLU()]
    if pool:
        layers.append(nn.MaxPool1d(3))
    return nn.Sequential(*layers)


class CharCNN(nn.Module):
    """Small character-level CNN (Zhang et al. 2015, reduced) for 3-way review sentiment."""

    def __init__(self, n_chars, emb_dim=48, channels=256, n_classes=3, dropout=0.3):
        super().__init__()
        self.emb = nn.Embedding(n_chars, emb_dim, padding_idx=0)
        self.features = nn.Sequential(
            conv_block(emb_dim, channels, 7, pool=True),
            conv_block(channels, channels, 7, pool=True),
            conv_block(channels, channels, 3, pool=False),
            conv_block(channels, channels, 3, pool=True),
        )
        self.classifier = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(channels, 128),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(128, n_classes),
        )

    def forward(self, x):
        h = self.features(self.emb(x).transpose(1, 2))
        return self.classifier(h.amax(dim=2))
