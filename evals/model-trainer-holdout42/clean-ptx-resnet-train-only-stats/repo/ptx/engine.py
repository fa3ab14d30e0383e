import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def train_epoch(model, loader, criterion, optimizer, scaler, device, grad_clip):
    model.train()
    total = 0.0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        with torch.autocast(device_type=device.type, enabled=device.type == "cuda"):
            loss = criterion(model(x).squeeze(1), y)
        scaler.scale(loss).backward()
        scaler.unscale_(optimizer)
        torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
        scaler.step(optimizer)
        scaler.update()
        total += loss.item() * x.size(0)
    return total / len(loader.dataset)


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    probs, targets = [], []
    for x, y in loader:
        probs.append(torch.sigmoid(model(x.to(device)).squeeze(1)).float().cpu())
        targets.append(y)
    return torch.cat(targets).numpy(), torch.cat(probs).numpy()


def summarise(y, p, threshold=None):
    out = {"auroc": float(roc_auc_score(y, p)), "auprc": float(average_precision_score(y, p))}
    if threshold is not None:
        pred = p >= threshold
        out["sensitivity"] = float(pred[y == 1].mean())
        out["specificity"] = float((~pred[y == 0]).mean())
        out["threshold"] = float(threshold)
    return out


def threshold_at_sensitivity(y, p, target=0.9):
    order = np.sort(p[y == 1])
    return float(order[int(np.floor((1 - target) * len(order)))])
