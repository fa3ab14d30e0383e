import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import average_precision_score, roc_auc_score


def train_epoch(model, loader, optimizer, device):
    model.train()
    losses = []
    for batch in loader:
        batch = batch.to(device)
        optimizer.zero_grad()
        logits = model(batch).view(-1)
        loss = F.binary_cross_entropy_with_logits(logits, batch.y.view(-1))
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return float(np.mean(losses))


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    ys, ps = [], []
    for batch in loader:
        batch = batch.to(device)
        ps.append(torch.sigmoid(model(batch).view(-1)).cpu())
        ys.append(batch.y.view(-1).cpu())
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p)}
