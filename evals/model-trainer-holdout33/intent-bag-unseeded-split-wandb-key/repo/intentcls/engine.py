import torch
from sklearn.metrics import accuracy_score, f1_score


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total = 0.0
    for flat, offsets, y in loader:
        flat, offsets, y = flat.to(device), offsets.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(flat, offsets), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * y.size(0)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    model.eval()
    total, preds, golds = 0.0, [], []
    for flat, offsets, y in loader:
        flat, offsets, y = flat.to(device), offsets.to(device), y.to(device)
        logits = model(flat, offsets)
        total += loss_fn(logits, y).item() * y.size(0)
        preds += logits.argmax(1).tolist()
        golds += y.tolist()
    return {
        "loss": total / len(loader.dataset),
        "accuracy": accuracy_score(golds, preds),
        "macro_f1": f1_score(golds, preds, average="macro"),
    }
