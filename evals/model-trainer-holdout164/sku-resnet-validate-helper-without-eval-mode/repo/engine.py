import time

import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, criterion, optimizer, scaler, device, log_every=100):
    model.train()
    total, n = 0.0, 0
    t0 = time.time()
    for step, (images, targets) in enumerate(loader):
        images = images.to(device, non_blocking=True)
        targets = targets.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=scaler.is_enabled()):
            logits = model(images)
            loss = criterion(logits, targets)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        total += loss.item() * images.size(0)
        n += images.size(0)
        if step % log_every == 0:
            print(f"  step {step:5d} loss {loss.item():.4f} ({time.time() - t0:.0f}s)")
    return total / n


def validate(model, loader, criterion, device, topk=(1, 5)):
    correct = {k: 0 for k in topk}
    total_loss, n = 0.0, 0
    all_pred, all_true = [], []
    with torch.no_grad():
        for images, targets in loader:
            images = images.to(device, non_blocking=True)
            targets = targets.to(device, non_blocking=True)
            out = model(images)
            total_loss += criterion(out, targets).item() * images.size(0)
            _, top = out.topk(max(topk), dim=1)
            hit = top.eq(targets[:, None])
            for k in topk:
                correct[k] += hit[:, :k].any(dim=1).sum().item()
            all_pred.append(top[:, 0].cpu())
            all_true.append(targets.cpu())
            n += images.size(0)
    metrics = {f"top{k}": correct[k] / n for k in topk}
    metrics["loss"] = total_loss / n
    metrics["macro_f1"] = float(f1_score(torch.cat(all_true), torch.cat(all_pred), average="macro"))
    return metrics
