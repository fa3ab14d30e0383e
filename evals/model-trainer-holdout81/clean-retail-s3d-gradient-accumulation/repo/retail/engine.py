import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score


def train_one_epoch(model, loader, criterion, optimizer, scaler, device, accum_steps, amp=True):
    model.train()
    optimizer.zero_grad(set_to_none=True)
    total, n = 0.0, 0
    for step, (x, y) in enumerate(loader):
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=amp):
            loss = criterion(model(x), y)
        scaler.scale(loss / accum_steps).backward()
        if (step + 1) % accum_steps == 0 or step + 1 == len(loader):
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            optimizer.zero_grad(set_to_none=True)
        total += loss.item() * y.size(0)
        n += y.size(0)
    return total / n


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, ys = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(1).cpu())
        ys.append(y)
    p, t = torch.cat(preds).numpy(), torch.cat(ys).numpy()
    return {"top1": float(np.mean(p == t)), "balanced_acc": balanced_accuracy_score(t, p),
            "macro_f1": f1_score(t, p, average="macro")}
