import torch.nn as nn


class ReceiptCRNN(nn.Module):
    def __init__(self, n_symbols, height=48):
        super().__init__()
        chans = [1, 48, 96, 160, 256]
        layers = []
        for i in range(4):
            layers += [nn.Conv2d(chans[i], chans[i + 1], 3, padding=1), nn.BatchNorm2d(chans[i + 1]), nn.GELU()]
            layers.append(nn.MaxPool2d((2, 2) if i < 2 else (2, 1)))
        self.cnn = nn.Sequential(*layers)
        self.rnn = nn.GRU(256 * (height // 16), 192, num_layers=2, bidirectional=True, dropout=0.2)
        self.drop = nn.Dropout(0.2)
        self.out = nn.Linear(384, n_symbols)

    def forward(self, x):
        f = self.cnn(x)
        b, c, h, w = f.shape
        f = f.permute(3, 0, 1, 2).reshape(w, b, c * h)
        f, _ = self.rnn(f)
        return self.out(self.drop(f)).log_softmax(-1)
