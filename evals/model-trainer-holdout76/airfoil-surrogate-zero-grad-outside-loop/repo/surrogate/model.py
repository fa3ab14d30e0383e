import torch.nn as nn

ACTIVATIONS = {"relu": nn.ReLU, "silu": nn.SiLU, "gelu": nn.GELU, "tanh": nn.Tanh}


class SurrogateMLP(nn.Module):
    def __init__(self, n_in, n_out, hidden, activation="silu"):
        super().__init__()
        act = ACTIVATIONS[activation]
        layers, width = [], n_in
        for h in hidden:
            layers += [nn.Linear(width, h), act()]
            width = h
        layers.append(nn.Linear(width, n_out))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)
