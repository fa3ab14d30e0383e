import numpy as np
import torch
from sklearn.metrics import balanced_accuracy_score, f1_score, roc_auc_score


def predict(model, loader, device):
    probs, targets = [], []
    for xb, yb in loader:
        logits = model(xb.to(device))
        probs.append(torch.softmax(logits, dim=1).detach().cpu().numpy())
        targets.append(yb.numpy())
    return np.concatenate(probs), np.concatenate(targets)


def evaluate(model, loader, device, loss_fn=None):
    probs, y = predict(model, loader, device)
    out = {
        "balanced_accuracy": balanced_accuracy_score(y, probs.argmax(1)),
        "macro_f1": f1_score(y, probs.argmax(1), average="macro"),
        "macro_auc_ovr": roc_auc_score(y, probs, multi_class="ovr", average="macro"),
    }
    if loss_fn is not None:
        out["loss"] = float(loss_fn(torch.log(torch.tensor(probs) + 1e-9), torch.tensor(y)))
    return out
