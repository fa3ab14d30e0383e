import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score

from har.utils import evaluating


def train_epoch(model, loader, optimizer, device):
    model.train()
    losses = []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        losses.append(loss.item())
    return float(np.mean(losses))


def evaluate(model, loader, device):
    preds, gold, loss_sum = [], [], 0.0
    with evaluating(model):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss_sum += F.cross_entropy(logits, y, reduction="sum").item()
            preds.append(logits.argmax(1).cpu().numpy())
            gold.append(y.cpu().numpy())
    preds, gold = np.concatenate(preds), np.concatenate(gold)
    return {"loss": loss_sum / len(gold), "accuracy": accuracy_score(gold, preds),
            "macro_f1": f1_score(gold, preds, average="macro")}
