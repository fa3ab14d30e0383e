import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score


def train_epoch(model, loader, opt, scaler, device):
    model.train()
    crit = nn.BCEWithLogitsLoss()
    tot = 0.0
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device)
        opt.zero_grad(set_to_none=True)
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            loss = crit(model(x).squeeze(1), y)
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
        tot += loss.item()
    return tot / len(loader)


@torch.no_grad()
def predict_proba(model, loader, device):
    model.eval()
    out = []
    for x, _ in loader:
        with torch.autocast(device_type="cuda", dtype=torch.float16):
            out.append(torch.sigmoid(model(x.to(device)).squeeze(1)).float().cpu())
    return torch.cat(out).numpy()


def scores(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p), "prevalence": float(np.mean(y))}
