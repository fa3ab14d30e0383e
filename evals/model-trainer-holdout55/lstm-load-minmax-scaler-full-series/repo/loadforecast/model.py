import torch
from torch import nn


class LSTMForecaster(nn.Module):
    """Encoder LSTM followed by a direct multi-horizon linear head."""

    def __init__(self, n_features: int, hidden_size: int, num_layers: int, horizon: int, dropout: float = 0.2):
        super().__init__()
        self.lstm = nn.LSTM(
            n_features,
            hidden_size,
            num_layers=num_layers,
            batch_first=True,
            dropout=dropout if num_layers > 1 else 0.0,
        )
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden_size, horizon))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])
