"""Telco churn MLP with early stopping; compared with logistic regression on the same test split."""
import json
import os
import random

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from churn_nn.data import fit_transformer, load, loader, split
from churn_nn.engine import evaluate, predict, train_epoch
from churn_nn.model import ChurnNet


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    torch.backends.cudnn.deterministic = True


def best_threshold(y, p):
    grid = np.linspace(0.05, 0.95, 91)
    return float(grid[np.argmax([f1_score(y, p >= t) for t in grid])])


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_df, valid_df, test_df = split(load(cfg["csv"]), cfg["seed"])
    ct = fit_transformer(train_df)
    train_dl = loader(ct, train_df, cfg["batch_size"], shuffle=True, seed=cfg["seed"])
    valid_dl = loader(ct, valid_df, 512, shuffle=False)
    test_dl = loader(ct, test_df, 512, shuffle=False)

    model = ChurnNet(train_dl.dataset.tensors[0].shape[1], cfg["width"], cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=4)
    criterion = torch.nn.BCEWithLogitsLoss()

    os.makedirs(os.path.dirname(cfg["ckpt"]), exist_ok=True)
    best_loss, stale = float("inf"), 0
    for epoch in range(cfg["max_epochs"]):
        tr_loss = train_epoch(model, train_dl, optimizer, criterion, device)
        val = evaluate(model, valid_dl, device)
        scheduler.step(val["logloss"])
        print(f"[{epoch:03d}] train {tr_loss:.4f} | val logloss {val['logloss']:.4f} auc {val['auc']:.4f}")
        if val["logloss"] < best_loss - 1e-4:
            best_loss, stale = val["logloss"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch}, cfg["ckpt"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(cfg["ckpt"], map_location=device)["model"])
    y_val, p_val = predict(model, valid_dl, device)
    thr = best_threshold(y_val, p_val)
    y_test, p_test = predict(model, test_dl, device)

    X_tr, X_va, X_te = (ct.transform(d) for d in (train_df, valid_df, test_df))
    logreg = LogisticRegression(max_iter=2000).fit(X_tr, train_df["Churn"])
    thr_lr = best_threshold(valid_df["Churn"], logreg.predict_proba(X_va)[:, 1])
    p_lr = logreg.predict_proba(X_te)[:, 1]

    for name, p, t in [("logreg", p_lr, thr_lr), ("churnnet", p_test, thr)]:
        print(f"{name:>8}: AUC {roc_auc_score(y_test, p):.4f} PR-AUC {average_precision_score(y_test, p):.4f} "
              f"F1@{t:.2f} {f1_score(y_test, p >= t):.4f}")


if __name__ == "__main__":
    with open("config.json") as f:
        main(json.load(f))
