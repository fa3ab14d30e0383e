import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import average_precision_score, roc_auc_score


def mixup(x, y, alpha, gen):
    lam = float(torch.distributions.Beta(alpha, alpha).sample())
    perm = torch.randperm(x.size(0), generator=gen).to(x.device)
    return lam * x + (1 - lam) * x[perm], lam * y + (1 - lam) * y[perm]


def train_one_epoch(model, loader, opt, device, accum_steps=4, mix_alpha=0.4, gen=None):
    model.train()
    opt.zero_grad(set_to_none=True)
    seen, total = 0, 0.0
    for i, (x, y) in enumerate(loader):
        x, y = x.to(device), y.to(device)
        x, y = mixup(x, y, mix_alpha, gen)
        loss = F.binary_cross_entropy_with_logits(model(x), y) / accum_steps
        loss.backward()
        if (i + 1) % accum_steps == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
        total += loss.item() * accum_steps * len(y)
        seen += len(y)
    if (i + 1) % accum_steps:
        opt.step()
        opt.zero_grad(set_to_none=True)
    return total / seen


def score(model, loader, device):
    model.train(False)
    probs, gold = [], []
    with torch.inference_mode():
        for x, y in loader:
            probs.append(torch.sigmoid(model(x.to(device))).cpu())
            gold.append(y)
    p, g = torch.cat(probs).numpy(), torch.cat(gold).numpy()
    present = g.sum(0) > 0
    return {
        "macro_ap": float(average_precision_score(g[:, present], p[:, present], average="macro")),
        "micro_ap": float(average_precision_score(g, p, average="micro")),
        "macro_auroc": float(roc_auc_score(g[:, present], p[:, present], average="macro")),
    }
