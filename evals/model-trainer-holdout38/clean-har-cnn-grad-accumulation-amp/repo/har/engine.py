import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score
from torch import nn


def train_one_epoch(model, loader, optimizer, scaler, device, accum_steps=4, max_norm=1.0):
    """One pass with gradient accumulation: the effective batch is accum_steps * loader batch."""
    model.train()
    criterion = nn.CrossEntropyLoss()
    total, seen = 0.0, 0
    optimizer.zero_grad(set_to_none=True)
    for step, (x, y) in enumerate(loader, start=1):
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=scaler.is_enabled()):
            loss = criterion(model(x), y)
        scaler.scale(loss / accum_steps).backward()
        if step % accum_steps == 0 or step == len(loader):
            scaler.unscale_(optimizer)
            nn.utils.clip_grad_norm_(model.parameters(), max_norm)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
        total += loss.item() * len(y)
        seen += len(y)
    return total / seen


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, targets = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(1).cpu().numpy())
        targets.append(y.numpy())
    p, t = np.concatenate(preds), np.concatenate(targets)
    return {"acc": accuracy_score(t, p), "macro_f1": f1_score(t, p, average="macro")}
