import numpy as np
import torch
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score


def train_epoch(model, loader, opt, loss_fn):
    model.train()
    running = 0.0
    for xb, yb in loader:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        running += loss.item() * len(yb)
    return running / len(loader.dataset)


@torch.no_grad()
def predict(model, x, batch=8192):
    model.eval()
    return torch.cat([torch.sigmoid(model(x[i:i + batch])) for i in range(0, len(x), batch)]).numpy()


def metrics(y, p):
    y = np.asarray(y)
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "logloss": log_loss(y, p)}
