import torch.nn as nn


class FishingGRU(nn.Module):
    def __init__(self, n_features, hidden=64, layers=2, dropout=0.3):
        super().__init__()
        self.gru = nn.GRU(n_features, hidden, num_layers=layers, batch_first=True,
                          bidirectional=True, dropout=dropout)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(2 * hidden, 1)

    def forward(self, x):
        out, _ = self.gru(x)
        return self.head(self.drop(out)).squeeze(-1)
