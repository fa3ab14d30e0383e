import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def train_epoch(model, loader, optimizer, criterion, device, accum_steps=1, max_grad_norm=None):
    model.train()
    running, seen = 0.0, 0
    optimizer.zero_grad(set_to_none=True)
    for step, (img, txt, y) in enumerate(loader):
        img, txt, y = img.to(device), txt.to(device), y.to(device)
        loss = criterion(model(img, txt), y)
        (loss / accum_steps).backward()
        if (step + 1) % accum_steps == 0 or (step + 1) == len(loader):
            if max_grad_norm:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_grad_norm)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
        running += loss.item() * y.size(0)
        seen += y.size(0)
    return running / seen


@torch.inference_mode()
def evaluate(model, loader, criterion, device):
    model.eval()
    losses, probs, labels = [], [], []
    for img, txt, y in loader:
        img, txt, y = img.to(device), txt.to(device), y.to(device)
        logits = model(img, txt)
        losses.append(criterion(logits, y).item() * y.size(0))
        probs.append(torch.sigmoid(logits).cpu().numpy())
        labels.append(y.cpu().numpy())
    p, t = np.concatenate(probs), np.concatenate(labels)
    return {"loss": sum(losses) / len(t), "roc_auc": roc_auc_score(t, p), "pr_auc": average_precision_score(t, p)}
