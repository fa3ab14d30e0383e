import torch
import torch.nn as nn


class RoundSequenceClassifier(nn.Module):
    """Bidirectional GRU over per-round aim telemetry of one match -> cheat logit."""

    def __init__(self, n_features: int, hidden: int = 128, n_layers: int = 2, dropout: float = 0.3):
        super().__init__()
        self.input_norm = nn.LayerNorm(n_features)
        self.gru = nn.GRU(
            n_features,
            hidden,
            num_layers=n_layers,
            batch_first=True,
            dropout=dropout,
            bidirectional=True,
        )
        self.head = nn.Sequential(
            nn.Linear(2 * hidden, 64),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(64, 1),
        )

    def forward(self, x: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        x = self.input_norm(x)
        packed = nn.utils.rnn.pack_padded_sequence(
            x, lengths.cpu(), batch_first=True, enforce_sorted=False
        )
        _, h = self.gru(packed)
        h = torch.cat([h[-2], h[-1]], dim=1)
        return self.head(h).squeeze(1)
