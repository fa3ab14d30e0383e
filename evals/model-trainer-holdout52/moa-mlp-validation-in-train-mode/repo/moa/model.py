import torch
from torch import nn


class MoAMLP(nn.Module):
    def __init__(self, num_features, num_targets, hidden_size=1024, dropout=0.25):
        super().__init__()
        self.net = nn.Sequential(
            nn.BatchNorm1d(num_features),
            nn.Dropout(0.2),
            nn.utils.parametrizations.weight_norm(nn.Linear(num_features, hidden_size)),
            nn.LeakyReLU(),
            nn.BatchNorm1d(hidden_size),
            nn.Dropout(dropout),
            nn.utils.parametrizations.weight_norm(nn.Linear(hidden_size, hidden_size)),
            nn.LeakyReLU(),
            nn.BatchNorm1d(hidden_size),
            nn.Dropout(dropout),
            nn.utils.parametrizations.weight_norm(nn.Linear(hidden_size, num_targets)),
        )

    def forward(self, x):
        return self.net(x)
