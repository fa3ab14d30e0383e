import torch.nn as nn


class ConvAutoencoder(nn.Module):
    def __init__(self, n_signals, base=32):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv1d(n_signals, base, kernel_size=7, padding=3), nn.ReLU(),
            nn.MaxPool1d(2),
            nn.Conv1d(base, base * 2, kernel_size=5, padding=2), nn.ReLU(),
            nn.MaxPool1d(2),
        )
        self.decoder = nn.Sequential(
            nn.ConvTranspose1d(base * 2, base, kernel_size=2, stride=2), nn.ReLU(),
            nn.ConvTranspose1d(base, n_signals, kernel_size=2, stride=2),
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))
