"""Shared helpers for the conveyor gearmotor anomaly notebooks."""
import os
import random

import numpy as np
import torch
import torch.nn as nn


def set_all_seeds(seed: int) -> None:
    random.seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


class ConvAE(nn.Module):
    """1D convolutional autoencoder for (channels, 512) accelerometer windows."""

    def __init__(self, channels=3, latent=32):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv1d(channels, 16, 7, stride=2, padding=3), nn.BatchNorm1d(16), nn.ReLU(),
            nn.Conv1d(16, 32, 7, stride=2, padding=3), nn.BatchNorm1d(32), nn.ReLU(),
            nn.Conv1d(32, latent, 7, stride=2, padding=3),
        )
        self.decoder = nn.Sequential(
            nn.ConvTranspose1d(latent, 32, 8, stride=2, padding=3), nn.BatchNorm1d(32), nn.ReLU(),
            nn.ConvTranspose1d(32, 16, 8, stride=2, padding=3), nn.BatchNorm1d(16), nn.ReLU(),
            nn.ConvTranspose1d(16, channels, 8, stride=2, padding=3),
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))


@torch.no_grad()
def score_windows(model, x, device, batch_size=512):
    """Mean squared reconstruction error per window."""
    model.eval()
    scores = []
    for i in range(0, len(x), batch_size):
        xb = x[i : i + batch_size].to(device)
        scores.append(((model(xb) - xb) ** 2).mean(dim=(1, 2)).cpu())
    return torch.cat(scores).numpy()
