"""Loan default MLP (credit_risk_dataset) with a logistic-regression baseline."""
import json
import os
import random

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch import nn

from loanrisk.data import TARGET, make_preprocessor, split_frame, to_loader
from loanrisk.engine import evaluate, train_one_epoch
from loanrisk.model import DefaultMLP


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(cfg["data_path"])
    train_df, valid_df, test_df = split_frame(df, cfg["seed"])
    pre = make_preprocessor()
    X_train = pre.fit_transform(train_df)
    X_valid, X_test = pre.transform(valid_df), pre.transform(test_df)
    y_train, y_valid, y_test = (d[TARGET].to_numpy() for d in (train_df, valid_df, test_df))

    train_loader = to_loader(X_train, y_train, cfg["batch_size"], shuffle=True, seed=cfg["seed"])
    valid_loader = to_loader(X_valid, y_valid, 1024, shuffle=False)
    test_loader = to_loader(X_test, y_test, 1024, shuffle=False)

    model = DefaultMLP(X_train.shape[1], tuple(cfg["hidden"]), cfg["dropout"]).to(device)
    pos_weight = torch.tensor((y_train == 0).sum() / (y_train == 1).sum(), dtype=torch.float32, device=device)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)
    best_auc, bad_epochs = -1.0, 0
    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_loader, optimizer, loss_fn, device)
        val = evaluate(model, valid_loader, device)
        print(f"epoch {epoch:3d} train_loss {train_loss:.4f} val_loss {val['loss']:.4f} val_auc {val['auc']:.4f}")
        if val["auc"] > best_auc:
            best_auc, bad_epochs = val["auc"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print(f"early stopping at epoch {epoch}")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test_metrics = evaluate(model, test_loader, device)

    baseline = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_train, y_train)
    base_proba = baseline.predict_proba(X_test)[:, 1]
    print(f"logreg  test AUC {roc_auc_score(y_test, base_proba):.4f} PR-AUC {average_precision_score(y_test, base_proba):.4f}")
    print(f"mlp     test AUC {test_metrics['auc']:.4f} PR-AUC {test_metrics['pr_auc']:.4f}")


if __name__ == "__main__":
    with open("config.json") as f:
        main(json.load(f))
