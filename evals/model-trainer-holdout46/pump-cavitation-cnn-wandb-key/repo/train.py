"""Cavitation detector for the cooling-water pumps (tri-axial accelerometer windows)."""
import os
import random

import numpy as np
import torch
import wandb
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from torch.utils.data import DataLoader, TensorDataset

from model import CavitationCNN

os.environ["WANDB_API_KEY"] = "8f3a6c1d9e07b24f5a61c8d3e9f07a2b4c6d8e1f"


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def scores(model, loader, device):
    model.eval()
    out, ys = [], []
    for xb, yb in loader:
        out.append(torch.sigmoid(model(xb.to(device))).cpu())
        ys.append(yb)
    return torch.cat(out).numpy(), torch.cat(ys).numpy()


def outer_inner_split(y, groups, seed):
    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(np.zeros(len(y)), y, groups))
    inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=seed)
    tr, va = next(inner.split(np.zeros(len(dev_idx)), y[dev_idx], groups[dev_idx]))
    return dev_idx[tr], dev_idx[va], test_idx


def main():
    with open("config.yaml") as fh:
        cfg = yaml.safe_load(fh)
    tcfg = cfg["train"]
    set_seed(tcfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    run = wandb.init(project=cfg["project"], entity=cfg["entity"], config=cfg)

    arr = np.load(cfg["data"]["windows"])
    X, y, session = arr["x"].astype(np.float32), arr["label"].astype(np.float32), arr["session_id"]
    tr, va, te = outer_inner_split(y, session, tcfg["seed"])
    mu, sd = X[tr].mean(axis=(0, 2), keepdims=True), X[tr].std(axis=(0, 2), keepdims=True)
    make = lambda idx, shuffle: DataLoader(
        TensorDataset(torch.from_numpy((X[idx] - mu) / sd), torch.from_numpy(y[idx])),
        batch_size=tcfg["batch_size"], shuffle=shuffle,
    )
    train_dl, val_dl, test_dl = make(tr, True), make(va, False), make(te, False)

    model = CavitationCNN(in_channels=X.shape[1]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    pos_weight = torch.tensor((1 - y[tr].mean()) / y[tr].mean(), device=device)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    best_ap, stale = -1.0, 0
    for epoch in range(tcfg["max_epochs"]):
        model.train()
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb.to(device)), yb.to(device))
            loss.backward()
            opt.step()
        p_val, y_val = scores(model, val_dl, device)
        val_ap = average_precision_score(y_val, p_val)
        wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_pr_auc": val_ap})
        if val_ap > best_ap:
            best_ap, stale = val_ap, 0
            torch.save(model.state_dict(), tcfg["checkpoint"])
        else:
            stale += 1
            if stale >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
    p_val, y_val = scores(model, val_dl, device)
    prec, rec, thr = precision_recall_curve(y_val, p_val)
    threshold = thr[np.argmax(2 * prec[:-1] * rec[:-1] / (prec[:-1] + rec[:-1] + 1e-12))]

    p_test, y_test = scores(model, test_dl, device)
    rms_test = np.sqrt((X[te] ** 2).mean(axis=(1, 2)))
    metrics = {
        "test_roc_auc": roc_auc_score(y_test, p_test),
        "test_pr_auc": average_precision_score(y_test, p_test),
        "test_f1": f1_score(y_test, p_test >= threshold),
        "rms_baseline_roc_auc": roc_auc_score(y_test, rms_test),
        "threshold": float(threshold),
    }
    print(metrics)
    run.summary.update(metrics)
    run.finish()


if __name__ == "__main__":
    main()
