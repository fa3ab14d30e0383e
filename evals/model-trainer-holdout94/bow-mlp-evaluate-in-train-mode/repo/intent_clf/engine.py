"""Training / evaluation loops."""
import torch
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for batch in loader:
        x, y = batch["bow"].to(device), batch["label"].to(device)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
        n += len(y)
    return total / n


def evaluate(model, loader, device):
    preds, labels, total_loss = [], [], 0.0
    for batch in loader:
        x, y = batch["bow"].to(device), batch["label"].to(device)
        logits = model(x)
        total_loss += F.cross_entropy(logits, y, reduction="sum").item()
        preds.append(logits.argmax(dim=1).cpu())
        labels.append(y.cpu())
    preds, labels = torch.cat(preds).numpy(), torch.cat(labels).numpy()
    return {
        "loss": total_loss / len(labels),
        "accuracy": accuracy_score(labels, preds),
        "macro_f1": f1_score(labels, preds, average="macro"),
    }
