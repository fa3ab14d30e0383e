import torch.nn as nn


class DemandLSTM(nn.Module):
    """Seq2one LSTM: last `lookback` hours of features -> next `horizon` hours of pickups."""

    def __init__(self, n_features, hidden=128, num_layers=2, horizon=24, dropout=0.3):
        super().__init__()
        self.lstm = nn.LSTM(n_features, hidden, num_layers=num_layers,
                            batch_first=True, dropout=dropout)
        self.head = nn.Sequential(
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, horizon),
        )

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])
