import torch
from torch import nn


class ConvGRU(nn.Module):
    """Causal-ish conv front end to compress 15-min noise, GRU encoder, dense multi-horizon head."""

    def __init__(self, n_in, conv_channels, hidden, horizon, dropout):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(n_in, conv_channels, kernel_size=4, stride=2),
            nn.GELU(),
            nn.Conv1d(conv_channels, conv_channels, kernel_size=3, padding=1),
            nn.GELU(),
        )
        self.gru = nn.GRU(conv_channels, hidden, batch_first=True)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, horizon))

    def forward(self, x):
        z = self.conv(x.transpose(1, 2)).transpose(1, 2)
        _, h = self.gru(z)
        return self.head(h[-1])


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    return torch.cat([model(xb.to(device)).cpu() for xb, _ in loader]).numpy()
