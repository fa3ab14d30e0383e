import torch
from torch import nn


def make_net(n_in: int, hidden, dropout: float) -> nn.Module:
    layers, d = [], n_in
    for h in hidden:
        layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(dropout)]
        d = h
    layers.append(nn.Linear(d, 1, bias=False))
    return nn.Sequential(*layers)


def cox_loss(log_h: torch.Tensor, t: torch.Tensor, e: torch.Tensor) -> torch.Tensor:
    order = torch.argsort(t, descending=True)
    log_h, e = log_h.view(-1)[order], e[order]
    return -((log_h - torch.logcumsumexp(log_h, 0)) * e).sum() / e.sum().clamp_min(1.0)


@torch.no_grad()
def predict(net: nn.Module, x: torch.Tensor) -> torch.Tensor:
    net.eval()
    return net(x).view(-1)
