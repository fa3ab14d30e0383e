import torch.nn as nn


class EmbeddingClassifier(nn.Module):
    def __init__(self, d_in=128, n_classes=10, hidden=512, p=0.4):
        super().__init__()
        self.net = nn.Sequential(
            nn.LayerNorm(d_in),
            nn.Linear(d_in, hidden), nn.GELU(), nn.Dropout(p),
            nn.Linear(hidden, hidden // 2), nn.GELU(), nn.Dropout(p),
            nn.Linear(hidden // 2, n_classes),
        )

    def forward(self, x):
        return self.net(x)
