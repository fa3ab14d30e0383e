import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, optimizer, criterion, device, grad_clip=None, log_every=100):
    model.train()
    total, n = 0.0, 0
    for step, (images, labels) in enumerate(loader):
        images, labels = images.to(device, non_blocking=True), labels.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        logits = model(images)
        loss = criterion(logits, labels)
        loss.backward()
        if grad_clip is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
        optimizer.step()
        total += loss.item() * images.size(0)
        n += images.size(0)
        if log_every and step % log_every == 0:
            print(f"  step {step:4d} loss {loss.item():.4f}")
    return total / n


def evaluate(model, loader, criterion, device, n_classes=None):
    preds, gold = [], []
    total, n = 0.0, 0
    with torch.no_grad():
        for images, labels in loader:
            images, labels = images.to(device), labels.to(device)
            logits = model(images)
            total += criterion(logits, labels).item() * images.size(0)
            n += images.size(0)
            preds.append(logits.argmax(1).cpu())
            gold.append(labels.cpu())
    preds, gold = torch.cat(preds).numpy(), torch.cat(gold).numpy()
    return {
        "loss": total / n,
        "acc": float((preds == gold).mean()),
        "macro_f1": f1_score(gold, preds, average="macro", labels=list(range(n_classes)) if n_classes else None),
    }
