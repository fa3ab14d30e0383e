"""Train the subscription churn MLP."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn

from churn_nn.data import load_splits, make_loader
from churn_nn.engine import evaluate, train_one_epoch
from churn_nn.model import ChurnMLP


def seed_everything(seed: int) -> torch.Generator:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    return torch.Generator().manual_seed(seed)


def main(cfg):
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    (X_tr, y_tr), (X_val, y_val), (X_te, y_te), _ = load_splits(cfg)

    train_loader = make_loader(X_tr, y_tr, cfg["batch_size"], shuffle=True, generator=gen)
    val_loader = make_loader(X_val, y_val, cfg["batch_size"], shuffle=False)
    test_loader = make_loader(X_te, y_te, cfg["batch_size"], shuffle=False)

    model = ChurnMLP(X_tr.shape[1], cfg["hidden"], cfg["dropout"]).to(device)
    pos_weight = torch.tensor([(1 - y_tr.mean()) / y_tr.mean()], device=device)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_ap, bad_epochs = -1.0, 0
    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        val_metrics, _ = evaluate(model, val_loader, loss_fn, device)
        scheduler.step(val_metrics["pr_auc"])
        print(f"epoch {epoch:3d} train_loss={train_loss:.4f} val_loss={val_metrics['loss']:.4f} "
              f"val_auc={val_metrics['roc_auc']:.4f} val_ap={val_metrics['pr_auc']:.4f}")
        if val_metrics["pr_auc"] > best_ap:
            best_ap, bad_epochs = val_metrics["pr_auc"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "config": cfg}, ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print(f"early stopping at epoch {epoch}")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    test_metrics, _ = evaluate(model, test_loader, loss_fn, device)

    logreg = LogisticRegression(max_iter=3000, class_weight="balanced").fit(X_tr, y_tr)
    p_lr = logreg.predict_proba(X_te)[:, 1]
    print("MLP test:", {k: round(v, 4) for k, v in test_metrics.items()})
    print(f"LogReg test: roc_auc={roc_auc_score(y_te, p_lr):.4f} pr_auc={average_precision_score(y_te, p_lr):.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.json")
    args = parser.parse_args()
    with open(args.config) as fh:
        main(json.load(fh))
