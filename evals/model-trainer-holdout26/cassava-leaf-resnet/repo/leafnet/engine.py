import torch
from sklearn.metrics import f1_score
from tqdm import tqdm


def train_one_epoch(model, loader, criterion, optimizer, scheduler, device):
    model.train()
    running, seen = 0.0, 0
    for images, targets in tqdm(loader, desc="train", leave=False):
        images, targets = images.to(device, non_blocking=True), targets.to(device)
        logits = model(images)
        loss = criterion(logits, targets)
        loss.backward()
        optimizer.step()
        scheduler.step()
        running += loss.item() * images.size(0)
        seen += images.size(0)
    return running / seen


@torch.no_grad()
def evaluate(model, loader, criterion, device):
    model.eval()
    total_loss, preds, gold = 0.0, [], []
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        logits = model(images)
        total_loss += criterion(logits, targets).item() * images.size(0)
        preds.append(logits.argmax(1).cpu())
        gold.append(targets.cpu())
    preds, gold = torch.cat(preds), torch.cat(gold)
    return {
        "loss": total_loss / len(gold),
        "accuracy": (preds == gold).float().mean().item(),
        "macro_f1": f1_score(gold.numpy(), preds.numpy(), average="macro"),
    }
