"""Train a two-head uplift net on the spring push-notification experiment."""
import argparse
import logging
import os
import random

import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import roc_auc_score

from src.uplift.data import FEATURES, make_splits, to_loader
from src.uplift.net import TwoHeadNet

log = logging.getLogger("uplift")


def auuc(uplift, t, y, n_bins=10):
    """Area under the cumulative uplift curve, normalised by the population ATE line."""
    order = np.argsort(-uplift)
    t, y = t[order], y[order]
    gains = []
    for k in np.linspace(len(t) / n_bins, len(t), n_bins).astype(int):
        tt, yy = t[:k], y[:k]
        rate_t = yy[tt == 1].mean() if (tt == 1).any() else 0.0
        rate_c = yy[tt == 0].mean() if (tt == 0).any() else 0.0
        gains.append((rate_t - rate_c) * k / len(t))
    return float(np.mean(gains))


@torch.no_grad()
def score(model, dl):
    model.eval()
    losses, ups, ts, ys, logits = [], [], [], [], []
    for xb, tb, yb in dl:
        oc, ot = model(xb)
        fl = TwoHeadNet.factual_logit(oc, ot, tb)
        losses.append(F.binary_cross_entropy_with_logits(fl, yb, reduction="sum").item())
        ups.append((torch.sigmoid(ot) - torch.sigmoid(oc)).numpy())
        ts.append(tb.numpy()); ys.append(yb.numpy()); logits.append(fl.numpy())
    t, y = np.concatenate(ts), np.concatenate(ys)
    return {
        "loss": sum(losses) / len(t),
        "factual_auc": roc_auc_score(y, np.concatenate(logits)),
        "auuc": auuc(np.concatenate(ups), t, y),
        "auuc_random": auuc(np.random.default_rng(0).random(len(t)), t, y),
    }


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/push_experiment_2024q2.parquet")
    p.add_argument("--epochs", type=int, default=80)
    p.add_argument("--patience", type=int, default=8)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--seed", type=int, default=21)
    p.add_argument("--out", default="checkpoints/tarnet_best.pt")
    a = p.parse_args()
    logging.basicConfig(level=logging.INFO)

    random.seed(a.seed); np.random.seed(a.seed); torch.manual_seed(a.seed)
    (Xtr, ttr, ytr), (Xva, tva, yva), (Xte, tte, yte) = make_splits(a.data, a.seed)
    train_dl = to_loader(Xtr, ttr, ytr, 256, shuffle=True)
    val_dl = to_loader(Xva, tva, yva, 2048, shuffle=False)
    test_dl = to_loader(Xte, tte, yte, 2048, shuffle=False)

    net = TwoHeadNet(len(FEATURES))
    optim = torch.optim.Adam(net.parameters(), lr=a.lr, weight_decay=1e-5)

    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    best, wait = float("inf"), 0
    for epoch in range(1, a.epochs + 1):
        net.train()
        for xb, tb, yb in train_dl:
            out_c, out_t = net(xb)
            loss = F.binary_cross_entropy_with_logits(TwoHeadNet.factual_logit(out_c, out_t, tb), yb)
            loss.backward()
            optim.step()

        val = score(net, val_dl)
        log.info("epoch %3d val_loss=%.4f val_auuc=%.4f", epoch, val["loss"], val["auuc"])
        if val["loss"] < best - 1e-4:
            best, wait = val["loss"], 0
            torch.save(net.state_dict(), a.out)
        else:
            wait += 1
            if wait >= a.patience:
                break

    net.load_state_dict(torch.load(a.out))
    log.info("test: %s", score(net, test_dl))


if __name__ == "__main__":
    main()
