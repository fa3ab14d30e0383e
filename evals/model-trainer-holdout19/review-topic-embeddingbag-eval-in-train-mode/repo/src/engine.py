import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for tokens, offsets, labels in loader:
        tokens, offsets, labels = tokens.to(device), offsets.to(device), labels.to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(tokens, offsets), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        total += loss.item() * labels.size(0)
        n += labels.size(0)
    return total / n


def evaluate(model, loader, device):
    total, preds, golds = 0.0, [], []
    for tokens, offsets, labels in loader:
        tokens, offsets, labels = tokens.to(device), offsets.to(device), labels.to(device)
        logits = model(tokens, offsets)
        total += F.cross_entropy(logits, labels, reduction="sum").item()
        preds.append(logits.argmax(dim=1).cpu())
        golds.append(labels.cpu())
    y_pred, y_true = torch.cat(preds).numpy(), torch.cat(golds).numpy()
    return {
        "loss": total / len(y_true),
        "accuracy": accuracy_score(y_true, y_pred),
        "macro_f1": f1_score(y_true, y_pred, average="macro"),
    }
