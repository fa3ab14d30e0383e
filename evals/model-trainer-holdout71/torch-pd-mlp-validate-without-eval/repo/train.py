"""Train the auto-loan PD network with early stopping on validation AUC."""
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from pdnet.data import make_loaders
from pdnet.engine import evaluate, train_one_epoch
from pdnet.model import PDNet


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    loaders, n_features, (X_tr, y_tr, X_te, y_te) = make_loaders(
        cfg["data"], cfg["target"], cfg["batch_size"], cfg["seed"])

    model = PDNet(n_features, cfg["hidden"], cfg["dropout"]).to(device)
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean(), device=device)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

    best_auc, bad_epochs = -1.0, 0
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, loss_fn, device)
        val = evaluate(model, loaders["val"], loss_fn, device)
        print(f"epoch {epoch:3d} train_loss={train_loss:.4f} val_loss={val['loss']:.4f} "
              f"val_auc={val['auc']:.4f} val_pr_auc={val['pr_auc']:.4f}")
        if val["auc"] > best_auc:
            best_auc, bad_epochs = val["auc"], 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    test = evaluate(model, loaders["test"], loss_fn, device)

    logreg = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_tr, y_tr)
    p_lr = logreg.predict_proba(X_te)[:, 1]
    print(f"PDNet  test auc={test['auc']:.4f} pr_auc={test['pr_auc']:.4f}")
    print(f"LogReg test auc={roc_auc_score(y_te, p_lr):.4f} pr_auc={average_precision_score(y_te, p_lr):.4f}")


if __name__ == "__main__":
    main()
