import torch
import torch.nn as nn


class SVDDNet(nn.Module):
    """Bias-free encoder, as required by Deep SVDD to avoid the trivial collapse."""

    def __init__(self, n_in, hidden=(128, 64), rep_dim=32):
        super().__init__()
        layers, d = [], n_in
        for h in hidden:
            layers += [nn.Linear(d, h, bias=False), nn.LeakyReLU(0.1)]
            d = h
        layers.append(nn.Linear(d, rep_dim, bias=False))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


@torch.no_grad()
def init_center(model, loader, device, eps=0.1):
    model.eval()
    total, n = None, 0
    for (xb,) in loader:
        z = model(xb.to(device))
        total = z.sum(0) if total is None else total + z.sum(0)
        n += len(z)
    c = total / n
    c[(c.abs() < eps) & (c < 0)] = -eps
    c[(c.abs() < eps) & (c >= 0)] = eps
    return c


@torch.no_grad()
def distances(model, X, c, device, batch_size=8192):
    model.eval()
    out = []
    for i in range(0, len(X), batch_size):
        z = model(torch.as_tensor(X[i:i + batch_size], dtype=torch.float32, device=device))
        out.append(((z - c) ** 2).sum(1).cpu())
    return torch.cat(out).numpy()
