import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import average_precision_score, roc_auc_score


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    probs, labels, groups = [], [], []
    for xb, yb, gb in loader:
        probs.append(torch.sigmoid(model(xb.to(device))).cpu())
        labels.append(yb)
        groups.append(gb)
    return torch.cat(probs).numpy(), torch.cat(labels).numpy(), torch.cat(groups).numpy()


def group_metrics(p, y, g, n_groups):
    losses = [F.binary_cross_entropy(torch.tensor(p[g == k]), torch.tensor(y[g == k])).item()
              if (g == k).any() else np.nan for k in range(n_groups)]
    return {
        "auc": roc_auc_score(y, p),
        "ap": average_precision_score(y, p),
        "worst_group_bce": float(np.nanmax(losses)),
        "group_bce": losses,
    }
