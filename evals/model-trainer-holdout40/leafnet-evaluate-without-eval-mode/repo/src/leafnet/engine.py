import torch
import torch.nn.functional as F
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(images), targets, label_smoothing=0.05)
        loss.backward()
        optimizer.step()
        total += loss.item() * images.size(0)
        n += images.size(0)
    return total / n


def evaluate(model, loader, device):
    preds, gold, total, n = [], [], 0.0, 0
    with torch.no_grad():
        for images, targets in loader:
            images, targets = images.to(device), targets.to(device)
            logits = model(images)
            total += F.cross_entropy(logits, targets, reduction="sum").item()
            n += images.size(0)
            preds.append(logits.argmax(1).cpu())
            gold.append(targets.cpu())
    preds, gold = torch.cat(preds).numpy(), torch.cat(gold).numpy()
    return {
        "loss": total / n,
        "accuracy": float((preds == gold).mean()),
        "macro_f1": float(f1_score(gold, preds, average="macro")),
    }
