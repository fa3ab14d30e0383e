import numpy as np
import torch

from .utils import metrics_from_proba


def train_one_epoch(model, loader, optimizer, criterion, device, accum_steps=1, clip=1.0):
    """gradient accumulation: the effective batch is accum_steps * loader.batch_size"""
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total, n = 0.0, 0
    for step, (x_num, x_cat, y) in enumerate(loader):
        x_num, x_cat, y = x_num.to(device), x_cat.to(device), y.to(device)
        loss = criterion(model(x_num, x_cat), y)
        (loss / accum_steps).backward()
        if (step + 1) % accum_steps == 0 or (step + 1) == len(loader):
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
        total += loss.item() * y.size(0)
        n += y.size(0)
    return total / n


def predict_proba(model, loader, device):
    model.train(False)
    out = []
    with torch.inference_mode():
        for x_num, x_cat, _ in loader:
            out.append(torch.sigmoid(model(x_num.to(device), x_cat.to(device))).cpu())
    return torch.cat(out).numpy()


def validate(model, loader, criterion, device):
    model.train(False)
    losses, ys, ps = [], [], []
    with torch.inference_mode():
        for x_num, x_cat, y in loader:
            logits = model(x_num.to(device), x_cat.to(device))
            losses.append(criterion(logits, y.to(device)).item() * y.size(0))
            ys.append(y.numpy())
            ps.append(torch.sigmoid(logits).cpu().numpy())
    y_all, p_all = np.concatenate(ys), np.concatenate(ps)
    return sum(losses) / len(y_all), metrics_from_proba(y_all, p_all)
