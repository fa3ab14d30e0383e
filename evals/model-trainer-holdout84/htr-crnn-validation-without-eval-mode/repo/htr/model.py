import torch
import torch.nn as nn


def conv_block(c_in, c_out, pool):
    layers = [
        nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.LeakyReLU(0.1, inplace=True),
    ]
    if pool is not None:
        layers.append(nn.MaxPool2d(pool))
    return nn.Sequential(*layers)


class CRNN(nn.Module):
    """Conv feature extractor + 2-layer BiLSTM, trained with CTC."""

    def __init__(self, num_classes: int, img_height: int = 64, dropout: float = 0.25):
        super().__init__()
        self.features = nn.Sequential(
            conv_block(1, 32, (2, 2)),
            conv_block(32, 64, (2, 2)),
            conv_block(64, 128, None),
            conv_block(128, 128, (2, 1)),
            conv_block(128, 256, None),
            conv_block(256, 256, (2, 1)),
            nn.Dropout2d(dropout),
        )
        feat_h = img_height // 16
        self.proj = nn.Linear(256 * feat_h, 256)
        self.rnn = nn.LSTM(256, 256, num_layers=2, bidirectional=True, dropout=dropout)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(512, num_classes))

    def forward(self, x):
        f = self.features(x)                      # B, C, H, W
        b, c, h, w = f.shape
        f = f.permute(3, 0, 1, 2).reshape(w, b, c * h)  # T=W, B, C*H
        f = self.proj(f)
        f, _ = self.rnn(f)
        return self.head(f).log_softmax(-1)       # T, B, classes
