import torch
import torch.nn as nn
import torchaudio


class KWSNet(nn.Module):
    def __init__(self, n_classes: int, sample_rate: int, n_mels: int):
        super().__init__()
        self.frontend = nn.Sequential(
            torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=480, hop_length=160, n_mels=n_mels),
            torchaudio.transforms.AmplitudeToDB(),
        )
        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
        self.body = nn.Sequential(block(1, 32), block(32, 64), block(64, 128), nn.Dropout(0.2))
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, n_classes))

    def forward(self, wave: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(self.frontend(wave)))
