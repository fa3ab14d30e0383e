import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, optimizer, criterion, device):
    model.train()
    running = 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        running += loss.item() * x.size(0)
    return running / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader, device):
    preds, targets = [], []
    for x, y in loader:
        logits = model(x.to(device))
        preds.append(logits.argmax(dim=1).cpu())
        targets.append(y)
    preds = torch.cat(preds).numpy()
    targets = torch.cat(targets).numpy()
    return {
        "macro_f1": f1_score(targets, preds, average="macro"),
        "acc": float((preds == targets).mean()),
    }
