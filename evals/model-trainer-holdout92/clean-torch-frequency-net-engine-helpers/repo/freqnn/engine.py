import torch
from torch import nn

_loss = nn.PoissonNLLLoss(log_input=True, reduction="mean")


def train_epoch(model, loader, optimizer, device):
    model.train()
    running, n = 0.0, 0
    for x_num, x_cat, log_e, y in loader:
        x_num, x_cat, log_e, y = x_num.to(device), x_cat.to(device), log_e.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = _loss(model(x_num, x_cat, log_e), y)
        loss.backward()
        optimizer.step()
        running += loss.item() * len(y)
        n += len(y)
    return running / n


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = [torch.exp(model(xn.to(device), xc.to(device), le.to(device))).cpu() for xn, xc, le, _ in loader]
    return torch.cat(out)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    total, n = 0.0, 0
    for x_num, x_cat, log_e, y in loader:
        y = y.to(device)
        log_mu = model(x_num.to(device), x_cat.to(device), log_e.to(device))
        total += _loss(log_mu, y).item() * len(y)
        n += len(y)
    return total / n
