from torch import nn


class LoadLSTM(nn.Module):
    """Encoder LSTM with a dense head that emits the whole horizon at once."""

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

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])
