"""Train the round-sequence cheat classifier.

Each sample is one player-match: (max_rounds, n_features) telemetry such as
crosshair snap speed, time-to-damage, headshot flag, pre-aim angle through
walls. Labels come from confirmed bans (manual review + kernel driver hits).
"""
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader, TensorDataset

from model import RoundSequenceClassifier


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_loaders(cfg):
    d = np.load(cfg["data"]["npz"])
    X, lengths, y, players = d["X"], d["lengths"], d["y"], d["player_id"]

    # split by player so one account's matches never sit on both sides
    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["test_size"], random_state=cfg["seed"])
    trval_idx, test_idx = next(outer.split(X, y, groups=players))
    inner = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["val_size"], random_state=cfg["seed"])
    tr, va = next(inner.split(X[trval_idx], y[trval_idx], groups=players[trval_idx]))
    train_idx, val_idx = trval_idx[tr], trval_idx[va]

    def ds(idx):
        return TensorDataset(
            torch.tensor(X[idx], dtype=torch.float32),
            torch.tensor(lengths[idx], dtype=torch.long),
            torch.tensor(y[idx], dtype=torch.float32),
        )

    bs = cfg["train"]["batch_size"]
    return (
        DataLoader(ds(train_idx), batch_size=bs, shuffle=True),
        DataLoader(ds(val_idx), batch_size=bs),
        DataLoader(ds(test_idx), batch_size=bs),
        X.shape[-1],
    )


def evaluate(model, loader, device):
    scores, targets = [], []
    with torch.no_grad():
        for xb, lb, yb in loader:
            logits = model(xb.to(device), lb)
            scores.append(torch.sigmoid(logits).cpu().numpy())
            targets.append(yb.numpy())
    s, t = np.concatenate(scores), np.concatenate(targets)
    return roc_auc_score(t, s), average_precision_score(t, s)


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_loader, val_loader, test_loader, n_feat = make_loaders(cfg)
    model = RoundSequenceClassifier(n_feat, **cfg["model"]).to(device)
    tcfg = cfg["train"]
    opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(tcfg["pos_weight"], device=device))

    best_ap = -1.0
    for epoch in range(tcfg["epochs"]):
        model.train()
        running = 0.0
        for xb, lb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = loss_fn(model(xb, lb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), tcfg["grad_clip"])
            opt.step()
            running += loss.item() * len(yb)

        val_auc, val_ap = evaluate(model, val_loader, device)
        print(f"epoch {epoch:02d} loss {running / len(train_loader.dataset):.4f} "
              f"val_auc {val_auc:.4f} val_ap {val_ap:.4f}")
        if val_ap > best_ap:
            best_ap = val_ap
            torch.save(model.state_dict(), cfg["checkpoint"])

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test_auc, test_ap = evaluate(model, test_loader, device)
    print(f"TEST auc {test_auc:.4f} ap {test_ap:.4f}")


if __name__ == "__main__":
    main()
