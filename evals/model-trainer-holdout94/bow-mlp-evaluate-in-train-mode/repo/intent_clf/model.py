import torch.nn as nn


class BowMLP(nn.Module):
    def __init__(self, vocab_size: int, n_classes: int, hidden: int = 512, dropout: float = 0.5):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(vocab_size, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, n_classes),
        )

    def forward(self, x):
        return self.net(x)
