import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(d_in, d_hidden, n_layers):
    layers = []
    for i in range(n_layers):
        layers += [nn.Linear(d_in if i == 0 else d_hidden, d_hidden), nn.ReLU()]
    return nn.Sequential(*layers)


class SCARF(nn.Module):
    """SCARF (Bahri et al., 2022): contrastive learning with random feature corruption."""

    def __init__(self, d_in, marginals, d_hidden=256, corruption_rate=0.6):
        super().__init__()
        self.encoder = mlp(d_in, d_hidden, 4)
        self.head = mlp(d_hidden, d_hidden, 2)
        self.register_buffer("marginals", marginals)  # (n_rows, d_in) pool to sample replacements from
        self.corruption_rate = corruption_rate

    def corrupt(self, x):
        n, d = x.shape
        mask = torch.rand(n, d, device=x.device) < self.corruption_rate
        idx = torch.randint(0, self.marginals.size(0), (n, d), device=x.device)
        x_rand = self.marginals[idx, torch.arange(d, device=x.device).expand(n, d)]
        return torch.where(mask, x_rand, x)

    def forward(self, x):
        return self.head(self.encoder(x)), self.head(self.encoder(self.corrupt(x)))


def info_nce(z1, z2, tau=1.0):
    z1, z2 = F.normalize(z1, dim=1), F.normalize(z2, dim=1)
    logits = z1 @ z2.T / tau
    labels = torch.arange(z1.size(0), device=z1.device)
    return 0.5 * (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels))
