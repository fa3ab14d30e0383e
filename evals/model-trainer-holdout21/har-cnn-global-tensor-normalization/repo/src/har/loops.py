import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score


def train_step_epoch(model, loader, optimizer, loss_fn, device) -> float:
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


@torch.no_grad()
def evaluate(model, loader, loss_fn, device) -> dict:
    model.eval()
    total, preds, gold = 0.0, [], []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        out = model(xb)
        total += loss_fn(out, yb).item() * len(yb)
        preds.append(out.argmax(1).cpu().numpy())
        gold.append(yb.cpu().numpy())
    p, g = np.concatenate(preds), np.concatenate(gold)
    return {"loss": total / len(g), "acc": accuracy_score(g, p), "macro_f1": f1_score(g, p, average="macro")}
