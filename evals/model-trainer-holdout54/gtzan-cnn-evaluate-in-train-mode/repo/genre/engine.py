import torch
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for specs, labels in loader:
        specs, labels = specs.to(device), labels.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(specs), labels)
        loss.backward()
        optimizer.step()
        total += loss.item() * labels.size(0)
        n += labels.size(0)
    return total / n


def evaluate(model, loader, criterion, device):
    total, preds, targets = 0.0, [], []
    with torch.no_grad():
        for specs, labels in loader:
            specs, labels = specs.to(device), labels.to(device)
            logits = model(specs)
            total += criterion(logits, labels).item() * labels.size(0)
            preds.append(logits.argmax(dim=1).cpu())
            targets.append(labels.cpu())
    preds, targets = torch.cat(preds), torch.cat(targets)
    return {
        "loss": total / len(targets),
        "accuracy": accuracy_score(targets, preds),
        "macro_f1": f1_score(targets, preds, average="macro"),
    }
