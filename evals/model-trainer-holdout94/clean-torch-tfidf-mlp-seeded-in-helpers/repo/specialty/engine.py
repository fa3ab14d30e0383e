import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score


def train_epoch(model, loader, optimizer, device, class_weights=None):
    model.train()
    losses = []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(xb), yb, weight=class_weights)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return float(np.mean(losses))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    logits, gold = [], []
    for xb, yb in loader:
        logits.append(model(xb.to(device)).cpu())
        gold.append(yb)
    logits, gold = torch.cat(logits), torch.cat(gold)
    pred = logits.argmax(1).numpy()
    return {
        "loss": F.cross_entropy(logits, gold).item(),
        "accuracy": accuracy_score(gold.numpy(), pred),
        "macro_f1": f1_score(gold.numpy(), pred, average="macro"),
    }
