import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score


def train_epoch(model, loader, optimizer, scheduler, scaler, accum_steps, device, label_smoothing=0.0):
    model.train()
    total, n = 0.0, 0
    for step, (images, labels) in enumerate(loader):
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=device.type == "cuda"):
            logits = model(images)
            loss = F.cross_entropy(logits, labels, label_smoothing=label_smoothing) / accum_steps
        scaler.scale(loss).backward()
        if (step + 1) % accum_steps == 0:
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
        total += loss.item() * accum_steps * images.size(0)
        n += images.size(0)
    return total / n


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    preds, gold, loss_sum = [], [], 0.0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        loss_sum += F.cross_entropy(logits, labels, reduction="sum").item()
        preds.append(logits.argmax(1).cpu().numpy())
        gold.append(labels.cpu().numpy())
    preds, gold = np.concatenate(preds), np.concatenate(gold)
    return {
        "loss": loss_sum / len(gold),
        "acc": float((preds == gold).mean()),
        "macro_f1": float(f1_score(gold, preds, average="macro")),
    }
