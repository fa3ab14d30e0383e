"""Train an embedding MLP on the churn table; compare against logistic regression."""
import argparse
import logging
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader

from tabnet_data import NumericScaler, TabularDataset, encode_categories, fit_category_maps
from tabnet_model import TabMLP

CAT_COLS = ["plan", "region", "device", "payment_method", "acquisition_channel"]
NUM_COLS = ["tenure_months", "monthly_spend", "support_tickets_90d", "logins_30d", "avg_session_min", "discount_pct"]
log = logging.getLogger("tabmlp")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total = 0.0
    for cats, nums, y in loader:
        cats, nums, y = cats.to(device), nums.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(cats, nums), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    return total / len(loader.dataset)


def validate(model, loader, loss_fn, device):
    preds, targets, total = [], [], 0.0
    with torch.no_grad():
        for cats, nums, y in loader:
            cats, nums, y = cats.to(device), nums.to(device), y.to(device)
            logits = model(cats, nums)
            total += loss_fn(logits, y).item() * len(y)
            preds.append(torch.sigmoid(logits).cpu().numpy())
            targets.append(y.cpu().numpy())
    p, t = np.concatenate(preds), np.concatenate(targets)
    return total / len(loader.dataset), roc_auc_score(t, p), average_precision_score(t, p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/churn.csv")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--ckpt", default="checkpoints/tabmlp.pt")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.csv)
    trn, val = train_test_split(df, test_size=0.2, stratify=df["churned"], random_state=args.seed)

    maps = fit_category_maps(trn, CAT_COLS)
    scaler = NumericScaler().fit(trn[NUM_COLS].to_numpy(dtype=float))
    make = lambda part: TabularDataset(encode_categories(part, maps),
                                       scaler.transform(part[NUM_COLS].to_numpy(dtype=float)),
                                       part["churned"].to_numpy())
    train_dl = DataLoader(make(trn), batch_size=512, shuffle=True, drop_last=True)
    val_dl = DataLoader(make(val), batch_size=2048)

    model = TabMLP([len(maps[c]) for c in CAT_COLS], len(NUM_COLS)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=3)
    pos_weight = torch.tensor((1 - trn["churned"].mean()) / trn["churned"].mean(), device=device)
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    Path(args.ckpt).parent.mkdir(parents=True, exist_ok=True)
    best_auc, bad_epochs = -1.0, 0
    for epoch in range(args.epochs):
        tr_loss = train_one_epoch(model, train_dl, optimizer, loss_fn, device)
        va_loss, va_auc, va_ap = validate(model, val_dl, loss_fn, device)
        scheduler.step(va_auc)
        log.info("epoch %02d train=%.4f val=%.4f auc=%.4f ap=%.4f", epoch, tr_loss, va_loss, va_auc, va_ap)
        if va_auc > best_auc:
            best_auc, bad_epochs = va_auc, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    base = LogisticRegression(max_iter=3000).fit(scaler.transform(trn[NUM_COLS].to_numpy(dtype=float)), trn["churned"])
    p_base = base.predict_proba(scaler.transform(val[NUM_COLS].to_numpy(dtype=float)))[:, 1]
    log.info("best MLP val auc=%.4f | logreg baseline auc=%.4f ap=%.4f",
             best_auc, roc_auc_score(val["churned"], p_base), average_precision_score(val["churned"], p_base))


if __name__ == "__main__":
    main()
