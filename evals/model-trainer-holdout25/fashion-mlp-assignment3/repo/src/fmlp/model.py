import torch.nn as nn


class MLP(nn.Module):
    def __init__(self, hidden=(512, 256), p_drop=0.2, n_classes=10):
        super().__init__()
        layers, d_in = [nn.Flatten()], 28 * 28
        for h in hidden:
            layers += [nn.Linear(d_in, h), nn.ReLU(), nn.Dropout(p_drop)]
            d_in = h
        layers.append(nn.Linear(d_in, n_classes))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
