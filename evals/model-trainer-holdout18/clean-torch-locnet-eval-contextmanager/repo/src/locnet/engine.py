import numpy as np
import torch
from sklearn.metrics import accuracy_score, f1_score, matthews_corrcoef

from .utils import evaluating


def fit_epoch(model, loader, optimizer, criterion, device):
    model.train()
    seen, total = 0, 0.0
    for ids, labels in loader:
        ids, labels = ids.to(device), labels.to(device)
        model.zero_grad(set_to_none=True)
        loss = criterion(model(ids), labels)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(labels)
        seen += len(labels)
    return total / seen


def score(model, loader, device):
    preds, gold = [], []
    with evaluating(model), torch.inference_mode():
        for ids, labels in loader:
            preds.append(model(ids.to(device)).argmax(-1).cpu().numpy())
            gold.append(labels.numpy())
    preds, gold = np.concatenate(preds), np.concatenate(gold)
    return {"acc": accuracy_score(gold, preds), "macro_f1": f1_score(gold, preds, average="macro"),
            "mcc": matthews_corrcoef(gold, preds)}
