import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import average_precision_score, roc_auc_score


def train_epoch(model, adversary, loader, opt, adv_opt, adv_weight, device):
    model.train()
    adversary.train()
    total, n = 0.0, 0
    for xb, yb, gb in loader:
        xb, yb, gb = xb.to(device), yb.to(device), gb.to(device)

        # adversary step on detached logits
        adv_opt.zero_grad()
        with torch.no_grad():
            logits = model(xb)
        adv_loss = F.cross_entropy(adversary(logits, yb), gb)
        adv_loss.backward()
        adv_opt.step()

        # predictor step: fit the label while fooling the adversary
        opt.zero_grad()
        logits = model(xb)
        task_loss = F.binary_cross_entropy_with_logits(logits, yb)
        fool_loss = F.cross_entropy(adversary(logits, yb), gb)
        loss = task_loss - adv_weight * fool_loss
        loss.backward()
        opt.step()

        total += task_loss.item() * len(xb)
        n += len(xb)
    return total / n


def evaluate(model, loader, device):
    scores, labels, groups = [], [], []
    for xb, yb, gb in loader:
        logits = model(xb.to(device))
        scores.append(torch.sigmoid(logits).detach().cpu().numpy())
        labels.append(yb.numpy())
        groups.append(gb.numpy())
    s, y, g = np.concatenate(scores), np.concatenate(labels), np.concatenate(groups)
    result = {
        "auc": roc_auc_score(y, s),
        "ap": average_precision_score(y, s),
        "bce": float(F.binary_cross_entropy(torch.tensor(s), torch.tensor(y)).item()),
    }
    return result, s, y, g


def parity_report(scores, y, groups, threshold):
    pred = scores >= threshold
    out = {}
    for g in np.unique(groups):
        m = groups == g
        out[int(g)] = {
            "selection_rate": float(pred[m].mean()),
            "tpr": float(pred[m & (y == 1)].mean()),
            "fpr": float(pred[m & (y == 0)].mean()),
        }
    rates = [v["selection_rate"] for v in out.values()]
    out["impact_ratio"] = min(rates) / max(rates)
    return out
