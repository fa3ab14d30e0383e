import torch
import torch.nn as nn


class PM25Forecaster(nn.Module):
    """Stacked LSTM encoder + MLP head, predicts the next `horizon` hourly PM2.5 values."""

    def __init__(self, n_features, hidden=96, layers=2, horizon=12, dropout=0.25):
        super().__init__()
        self.lstm = nn.LSTM(
            input_size=n_features,
            hidden_size=hidden,
            num_layers=layers,
            dropout=dropout,
            batch_first=True,
        )
        self.head = nn.Sequential(
            nn.Linear(hidden, hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, horizon),
        )

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])
