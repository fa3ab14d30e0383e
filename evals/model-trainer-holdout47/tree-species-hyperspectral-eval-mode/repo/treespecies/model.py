import torch
import torch.nn as nn


class SpectralCNN(nn.Module):
    """1-D CNN over the reflectance spectrum of a crown-averaged pixel plus a CHM height head."""

    def __init__(self, n_bands: int, n_classes: int, dropout: float = 0.4):
        super().__init__()
        self.spectral = nn.Sequential(
            nn.Conv1d(1, 32, kernel_size=7, padding=3),
            nn.BatchNorm1d(32),
            nn.GELU(),
            nn.MaxPool1d(2),
            nn.Conv1d(32, 64, kernel_size=5, padding=2),
            nn.BatchNorm1d(64),
            nn.GELU(),
            nn.MaxPool1d(2),
            nn.Conv1d(64, 128, kernel_size=3, padding=1),
            nn.BatchNorm1d(128),
            nn.GELU(),
            nn.AdaptiveAvgPool1d(8),
        )
        self.classifier = nn.Sequential(
            nn.Linear(128 * 8 + 2, 256),
            nn.BatchNorm1d(256),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(256, n_classes),
        )

    def forward(self, spectra, structure):
        z = self.spectral(spectra.unsqueeze(1)).flatten(1)
        return self.classifier(torch.cat([z, structure], dim=1))
