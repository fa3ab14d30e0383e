import torch.nn as nn
import torchaudio


class SpecAugCNN(nn.Module):
    def __init__(self, n_classes=50):
        super().__init__()
        self.freq_mask = torchaudio.transforms.FrequencyMasking(24)
        self.time_mask = torchaudio.transforms.TimeMasking(40)
        chans = [1, 32, 64, 128, 256]
        blocks = []
        for a, b in zip(chans[:-1], chans[1:]):
            blocks += [nn.Conv2d(a, b, 3, padding=1), nn.BatchNorm2d(b), nn.ReLU(inplace=True),
                       nn.Conv2d(b, b, 3, padding=1), nn.BatchNorm2d(b), nn.ReLU(inplace=True), nn.MaxPool2d(2)]
        self.body = nn.Sequential(*blocks)
        self.classifier = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.4), nn.Linear(256, n_classes))

    def forward(self, spec):
        if self.training:
            spec = self.time_mask(self.freq_mask(spec))
        return self.classifier(self.body(spec))
