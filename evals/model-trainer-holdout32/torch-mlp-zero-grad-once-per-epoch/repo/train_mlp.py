"""
MLP on the pre-computed claim features (numpy arrays written by build_features.py).

    python train_mlp.py --data features/v4 --epochs 60
"""
import argparse
import json
import logging
import os
import random
import time

import numpy as np
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

logging.basicConfig(level=logging.INFO, format="%(asctime)s | %(message)s")
log = logging.getLogger(__name__)


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class MLP(nn.Module):
    def __init__(self, n_in, hidden=(256, 128, 64), p_drop=0.2):
        super().__init__()
        layers, d = [], n_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p_drop)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def load_split(root, name):
    X = np.load(os.path.join(root, f"X_{name}.npy")).astype(np.float32)
    y = np.load(os.path.join(root, f"y_{name}.npy")).astype(np.float32)
    return X, y


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    out = []
    for xb, _ in loader:
        out.append(torch.sigmoid(model(xb.to(device))).cpu())
    return torch.cat(out).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="features/v4")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--bs", type=int, default=512)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--wd", type=float, default=1e-5)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--ckpt", default="checkpoints/mlp_best.pt")
    args = ap.parse_args()
    set_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    X_tr, y_tr = load_split(args.data, "train")
    X_va, y_va = load_split(args.data, "valid")
    X_te, y_te = load_split(args.data, "test")

    # standardise with TRAIN statistics only
    mu, sd = X_tr.mean(0), X_tr.std(0) + 1e-6
    X_tr, X_va, X_te = (X_tr - mu) / sd, (X_va - mu) / sd, (X_te - mu) / sd

    # baseline for comparison
    lr_base = LogisticRegression(max_iter=2000, C=1.0).fit(X_tr, y_tr)
    p_base = lr_base.predict_proba(X_va)[:, 1]
    log.info("logreg baseline  val auc=%.4f ap=%.4f", roc_auc_score(y_va, p_base), average_precision_score(y_va, p_base))

    g = torch.Generator().manual_seed(args.seed)
    train_dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)),
                          batch_size=args.bs, shuffle=True, generator=g, drop_last=True)
    valid_dl = DataLoader(TensorDataset(torch.from_numpy(X_va), torch.from_numpy(y_va)), batch_size=4096)
    test_dl = DataLoader(TensorDataset(torch.from_numpy(X_te), torch.from_numpy(y_te)), batch_size=4096)

    model = MLP(X_tr.shape[1]).to(device)
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean(), device=device)
    crit = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.wd)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)

    best_ap, bad_epochs = -1.0, 0
    os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
    for epoch in range(1, args.epochs + 1):
        t0 = time.time()
        model.train()
        running, n_seen = 0.0, 0
        optimizer.zero_grad()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            logits = model(xb)
            loss = crit(logits, yb)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
            optimizer.step()
            running += loss.item() * len(xb)
            n_seen += len(xb)

        p_va = predict(model, valid_dl, device)
        val_ap = average_precision_score(y_va, p_va)
        val_auc = roc_auc_score(y_va, p_va)
        sched.step(val_ap)
        log.info("epoch %02d  train_loss=%.4f  val_auc=%.4f  val_ap=%.4f  (%.1fs)",
                 epoch, running / n_seen, val_auc, val_ap, time.time() - t0)

        if val_ap > best_ap:
            best_ap, bad_epochs = val_ap, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "mu": mu, "sd": sd}, args.ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stop at epoch %d (best val ap %.4f)", epoch, best_ap)
                break

    state = torch.load(args.ckpt, map_location=device)
    model.load_state_dict(state["model"])
    p_te = predict(model, test_dl, device)
    metrics = {
        "best_epoch": state["epoch"],
        "val_ap": best_ap,
        "test_auc": roc_auc_score(y_te, p_te),
        "test_ap": average_precision_score(y_te, p_te),
        "test_logloss": log_loss(y_te, p_te),
    }
    log.info("final: %s", metrics)
    with open(os.path.join(os.path.dirname(args.ckpt), "metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
