import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import average_precision_score, roc_auc_score


def train_one_epoch(model, loader, opt, sched, scaler, device):
    model.train()
    losses = []
    for x, y in loader:
        x, y = x.to(device, non_blocking=True), y.to(device)
        opt.zero_grad(set_to_none=True)
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = F.binary_cross_entropy_with_logits(model(x).squeeze(1), y)
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
        sched.step()
        losses.append(loss.item())
    return float(np.mean(losses))


def _views(x):
    """Dihedral test-time augmentation: identity, flips and 90-degree rotations."""
    yield x
    yield x.flip(-1)
    yield x.flip(-2)
    yield torch.rot90(x, 1, (-2, -1))


@torch.no_grad()
def predict(model, loader, device, tta=False):
    model.eval()
    out = []
    for x, _ in loader:
        x = x.to(device, non_blocking=True)
        views = list(_views(x)) if tta else [x]
        with torch.autocast("cuda", dtype=torch.bfloat16):
            p = torch.stack([torch.sigmoid(model(v).squeeze(1)) for v in views]).mean(0)
        out.append(p.float().cpu())
    return torch.cat(out).numpy()


def ranking_metrics(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p)}
