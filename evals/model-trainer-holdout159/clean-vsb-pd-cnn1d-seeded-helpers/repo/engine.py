import numpy as np
import torch
from sklearn.metrics import matthews_corrcoef, roc_auc_score


def train_epoch(model, loader, optimizer, criterion, device):
    model.train()
    losses = []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return float(np.mean(losses))


def evaluate(model, loader, device, threshold=0.5):
    model.eval()
    probs, ys = [], []
    with torch.inference_mode():
        for xb, yb in loader:
            probs.append(torch.sigmoid(model(xb.to(device))).cpu())
            ys.append(yb)
    p = torch.cat(probs).numpy()
    y = torch.cat(ys).numpy().astype(int)
    return {"mcc": matthews_corrcoef(y, (p >= threshold).astype(int)), "auc": roc_auc_score(y, p)}
