import torch
import torch.nn.functional as F

from .metrics import ConfusionMeter


def fit_epoch(model, loader, optimizer, scheduler, scaler, device):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast("cuda", dtype=torch.float16):
            loss = F.cross_entropy(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        scheduler.step()
        total += loss.item()
    return total / len(loader)


@torch.no_grad()
def evaluate(model, loader, device, class_names):
    model.eval()
    meter = ConfusionMeter(len(class_names))
    val_loss = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        with torch.autocast("cuda", dtype=torch.float16):
            logits = model(x)
        val_loss += F.cross_entropy(logits.float(), y).item()
        meter.update(logits.argmax(1), y)
    out = meter.summary(class_names)
    out["loss"] = val_loss / len(loader)
    return out
