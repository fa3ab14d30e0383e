import numpy as np
import torch
from sklearn.metrics import average_precision_score, roc_auc_score


def run_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    losses = []
    for x, lengths, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x, lengths), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=2.0)
        optimizer.step()
        losses.append(loss.item())
    return float(np.mean(losses))


@torch.no_grad()
def score(model, loader, loss_fn, device):
    model.eval()
    probs, labels, losses = [], [], []
    for x, lengths, y in loader:
        logits = model(x.to(device), lengths)
        losses.append(loss_fn(logits, y.to(device)).item())
        probs.append(torch.sigmoid(logits).cpu().numpy())
        labels.append(y.numpy())
    p, y = np.concatenate(probs), np.concatenate(labels)
    return {"loss": float(np.mean(losses)), "auroc": roc_auc_score(y, p),
            "auprc": average_precision_score(y, p), "probs": p}
