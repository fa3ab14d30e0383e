import torch
from sklearn.metrics import f1_score


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    running, seen = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        loss = loss_fn(logits, yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * yb.size(0)
        seen += yb.size(0)
    return running / seen


@torch.no_grad()
def evaluate(model, loader, loss_fn, device):
    model.eval()
    total_loss, preds, targets = 0.0, [], []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        total_loss += loss_fn(logits, yb).item() * yb.size(0)
        preds.append(logits.argmax(1).cpu())
        targets.append(yb.cpu())
    preds, targets = torch.cat(preds), torch.cat(targets)
    return {
        "loss": total_loss / len(targets),
        "acc": (preds == targets).float().mean().item(),
        "macro_f1": f1_score(targets.numpy(), preds.numpy(), average="macro"),
    }
