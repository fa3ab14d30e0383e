import torch
from torch import nn


class DeepConvLSTM(nn.Module):
    """Ordóñez & Roggen (2016): four temporal conv layers followed by two LSTM layers."""

    def __init__(self, n_channels=113, n_classes=18, filters=64, kernel=5, hidden=128, dropout=0.5):
        super().__init__()
        convs, c_in = [], 1
        for _ in range(4):
            convs += [nn.Conv2d(c_in, filters, (kernel, 1)), nn.ReLU()]
            c_in = filters
        self.convs = nn.Sequential(*convs)
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(filters * n_channels, hidden, num_layers=2, batch_first=True)
        self.out = nn.Linear(hidden, n_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # x: (batch, time, channels)
        z = self.convs(x.unsqueeze(1))            # (b, filters, t', channels)
        z = z.permute(0, 2, 1, 3).flatten(2)      # (b, t', filters * channels)
        h, _ = self.lstm(self.dropout(z))
        return self.out(self.dropout(h[:, -1]))
