"""Post-hoc temperature scaling for the DenseNet121 HAM10000 model + reliability numbers."""
import argparse
import json

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import balanced_accuracy_score, roc_auc_score

from common import CLASSES, lesion_splits, load_model, loader, set_seed


@torch.no_grad()
def collect_logits(model, dl, device):
    model.eval()
    logits, ys = [], []
    for x, y in dl:
        logits.append(model(x.to(device)).float().cpu())
        ys.append(y)
    return torch.cat(logits), torch.cat(ys)


def fit_temperature(logits, labels, max_iter=200):
    log_t = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.05, max_iter=max_iter)

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    opt.step(closure)
    return float(log_t.exp())


def ece(probs, labels, n_bins=15):
    conf, pred = probs.max(1)
    acc = pred.eq(labels).float()
    edges = torch.linspace(0, 1, n_bins + 1)
    total = torch.zeros(1)
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            total += m.float().mean() * (conf[m].mean() - acc[m].mean()).abs()
    return float(total)


def summarize(logits, y, T):
    p = F.softmax(logits / T, dim=1)
    return {
        "T": round(T, 3),
        "nll": round(float(F.cross_entropy(logits / T, y)), 4),
        "ece": round(ece(p, y), 4),
        "bacc": round(balanced_accuracy_score(y, p.argmax(1)), 4),
        "macro_auc": round(roc_auc_score(y, p.numpy(), multi_class="ovr"), 4),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ckpt", default="checkpoints/densenet121_ham_best.pt")
    ap.add_argument("--out", default="calibration_report.json")
    args = ap.parse_args()
    set_seed()
    device = "cuda" if torch.cuda.is_available() else "cpu"

    _, val_df, test_df = lesion_splits()
    model = load_model(args.ckpt, device)
    test_logits, test_y = collect_logits(model, loader(test_df), device)

    before = summarize(test_logits, test_y, 1.0)
    T = fit_temperature(test_logits, test_y)
    after = summarize(test_logits, test_y, T)

    print("classes:", CLASSES)
    print("test before scaling:", before)
    print("test after scaling: ", after)
    with open(args.out, "w") as f:
        json.dump({"before": before, "after": after, "n_test": len(test_df)}, f, indent=2)


if __name__ == "__main__":
    main()
