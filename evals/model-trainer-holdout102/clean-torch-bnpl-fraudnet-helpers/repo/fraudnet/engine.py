import numpy as np
import torch
from sklearn.metrics import average_precision_score, log_loss


def train_one_epoch(model, loader, optimizer, criterion, device):
    model.train()
    total, n = 0.0, 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        total += loss.item() * len(yb)
        n += len(yb)
    return total / n


@torch.inference_mode()
def predict(model, loader, device):
    model.eval()
    scores, labels = [], []
    for xb, yb in loader:
        scores.append(torch.sigmoid(model(xb.to(device))).cpu())
        labels.append(yb)
    return torch.cat(scores).numpy(), torch.cat(labels).numpy()


def evaluate(model, loader, device):
    scores, labels = predict(model, loader, device)
    metrics = {
        "loss": float(log_loss(labels, np.clip(scores, 1e-7, 1 - 1e-7), labels=[0, 1])),
        "pr_auc": float(average_precision_score(labels, scores)),
    }
    return metrics, scores, labels
