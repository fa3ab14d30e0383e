"""One-class Deep SVDD on benign Monday traffic; scored on the attack days."""
import os
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import wandb
import yaml
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from svdd.data import load_flows, numeric_features, to_xy
from svdd.model import SVDDNet, distances, init_center


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    wandb.login(key=os.environ["WANDB_API_KEY"])
    run = wandb.init(project=cfg["wandb_project"], config=cfg)

    monday = load_flows(cfg["data"]["train_day"])
    feats = numeric_features(monday)
    X_mon, _ = to_xy(monday, feats)
    n_val = int(len(X_mon) * cfg["data"]["val_tail_fraction"])
    X_tr, X_val = X_mon[:-n_val], X_mon[-n_val:]
    test = pd.concat([load_flows(p) for p in cfg["data"]["test_days"]], ignore_index=True)
    X_te, y_te = to_xy(test, feats)

    scaler = StandardScaler().fit(X_tr)
    X_tr, X_val, X_te = (scaler.transform(a).astype(np.float32) for a in (X_tr, X_val, X_te))

    loader = DataLoader(TensorDataset(torch.from_numpy(X_tr)), batch_size=cfg["train"]["batch_size"], shuffle=True)
    model = SVDDNet(X_tr.shape[1], tuple(cfg["model"]["hidden"]), cfg["model"]["rep_dim"]).to(device)
    c = init_center(model, loader, device)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])

    ckpt = Path(cfg["checkpoint"]); ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, wait = float("inf"), 0
    for epoch in range(cfg["train"]["epochs"]):
        model.train()
        epoch_loss = 0.0
        for (xb,) in loader:
            xb = xb.to(device)
            opt.zero_grad()
            loss = ((model(xb) - c) ** 2).sum(1).mean()
            loss.backward()
            opt.step()
            epoch_loss += loss.item() * len(xb)
        val_loss = float(distances(model, X_val, c, device).mean())
        wandb.log({"epoch": epoch, "train_loss": epoch_loss / len(X_tr), "val_loss": val_loss})
        if val_loss < best:
            best, wait = val_loss, 0
            torch.save({"state_dict": model.state_dict(), "center": c.cpu()}, ckpt)
        else:
            wait += 1
            if wait >= cfg["train"]["patience"]:
                break

    state = torch.load(ckpt)
    model.load_state_dict(state["state_dict"])
    c = state["center"].to(device)
    threshold = float(np.quantile(distances(model, X_val, c, device), cfg["threshold_quantile"]))
    test_d = distances(model, X_te, c, device)
    pred = (test_d > threshold).astype(int)

    iforest = IsolationForest(n_estimators=200, max_samples=4096, random_state=cfg["seed"]).fit(X_tr)
    if_scores = -iforest.score_samples(X_te)

    summary = {
        "svdd_roc_auc": roc_auc_score(y_te, test_d),
        "svdd_pr_auc": average_precision_score(y_te, test_d),
        "svdd_precision": precision_score(y_te, pred, zero_division=0),
        "svdd_recall": recall_score(y_te, pred, zero_division=0),
        "iforest_roc_auc": roc_auc_score(y_te, if_scores),
        "iforest_pr_auc": average_precision_score(y_te, if_scores),
        "threshold": threshold,
    }
    print(summary)
    run.summary.update(summary)
    run.finish()


if __name__ == "__main__":
    main()
