import torch.nn as nn


class EmbeddingHead(nn.Module):
    """Small feed-forward classifier over frozen sentence embeddings."""

    def __init__(self, in_dim: int, hidden: list, n_classes: int, dropout: float = 0.1):
        super().__init__()
        layers, prev = [], in_dim
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.LayerNorm(h), nn.ReLU(), nn.Dropout(dropout)]
            prev = h
        layers.append(nn.Linear(prev, n_classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
