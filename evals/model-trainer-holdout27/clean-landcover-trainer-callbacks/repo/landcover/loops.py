import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score


def fit_epoch(model, loader, optimizer, scaler, device):
    model.train()
    total, n = 0.0, 0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
            loss = F.cross_entropy(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
        total += loss.item() * y.size(0)
        n += y.size(0)
    return total / n


@torch.inference_mode()
def score_loader(model, loader, device) -> dict:
    model.eval()
    losses, preds, gold = [], [], []
    for x, y in loader:
        logits = model(x.to(device))
        losses.append(F.cross_entropy(logits, y.to(device), reduction="sum").item())
        preds.append(logits.argmax(1).cpu().numpy())
        gold.append(y.numpy())
    p, g = np.concatenate(preds), np.concatenate(gold)
    return {"loss": sum(losses) / len(g), "acc": accuracy_score(g, p), "macro_f1": f1_score(g, p, average="macro")}
