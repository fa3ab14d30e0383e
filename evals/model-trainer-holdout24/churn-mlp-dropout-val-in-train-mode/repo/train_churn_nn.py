"""Neural churn model for the streaming subscription base (comparison against the GBM in prod)."""
import argparse
import logging
import os
import random

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from nets import ChurnMLP

log = logging.getLogger(__name__)


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def loader(X, y, bs, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=bs, shuffle=shuffle)


def predict(model, dl, device):
    scores, labels = [], []
    with torch.no_grad():
        for xb, yb in dl:
            scores.append(torch.sigmoid(model(xb.to(device))).cpu())
            labels.append(yb)
    return torch.cat(labels).numpy(), torch.cat(scores).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/subscribers_2024_06.parquet")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--ckpt", default="checkpoints/churn_mlp.pt")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    subs = pd.read_parquet(args.data)
    target = "cancelled_next_30d"
    feature_cols = [c for c in subs.columns if c.startswith("f_")]
    X, y = subs[feature_cols].to_numpy(np.float32), subs[target].to_numpy(np.float32)

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.15, stratify=y, random_state=args.seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_tmp, y_tmp, test_size=0.15, stratify=y_tmp, random_state=args.seed)

    scaler = StandardScaler().fit(X_tr)
    X_tr, X_val, X_test = scaler.transform(X_tr), scaler.transform(X_val), scaler.transform(X_test)

    train_dl = loader(X_tr, y_tr, args.batch_size, shuffle=True)
    val_dl = loader(X_val, y_val, 4096, shuffle=False)
    test_dl = loader(X_test, y_test, 4096, shuffle=False)

    model = ChurnMLP(len(feature_cols)).to(device)
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean(), device=device)
    criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)

    best_auc, bad_epochs = -1.0, 0
    os.makedirs(os.path.dirname(args.ckpt), exist_ok=True)
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)

        yv, pv = predict(model, val_dl, device)
        val_auc = roc_auc_score(yv, pv)
        log.info("epoch %02d train_loss=%.4f val_auc=%.4f", epoch, running / len(X_tr), val_auc)
        if val_auc > best_auc:
            best_auc, bad_epochs = val_auc, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(args.ckpt, map_location=device))
    yt, pt = predict(model, test_dl, device)

    logit = LogisticRegression(C=0.3, max_iter=3000, class_weight="balanced").fit(X_tr, y_tr)
    pl = logit.predict_proba(X_test)[:, 1]
    log.info("TEST mlp   roc_auc=%.4f pr_auc=%.4f", roc_auc_score(yt, pt), average_precision_score(yt, pt))
    log.info("TEST logit roc_auc=%.4f pr_auc=%.4f", roc_auc_score(y_test, pl), average_precision_score(y_test, pl))


if __name__ == "__main__":
    main()
