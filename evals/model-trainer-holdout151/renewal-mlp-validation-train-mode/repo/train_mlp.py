"""Tabular MLP for B2B contract renewal (auto-renew off accounts only)."""
import argparse
import copy

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

FEATURES = [
    "contract_value_usd", "seats", "seat_utilisation", "tenure_years", "products_owned",
    "exec_sponsor_engaged", "qbr_held_last_2q", "tickets_sev1_6m", "csat_avg_6m",
    "usage_trend_90d", "overdue_invoices", "competitor_mentions", "champion_left",
]
TARGET = "renewed"


class RenewalNet(nn.Module):
    def __init__(self, n_in, hidden=(128, 64), p_drop=0.3):
        super().__init__()
        layers, d = [], n_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p_drop)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def to_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, drop_last=shuffle)


def evaluate(model, loader):
    probs, ys = [], []
    with torch.no_grad():
        for xb, yb in loader:
            probs.append(torch.sigmoid(model(xb)).numpy())
            ys.append(yb.numpy())
    p, y = np.concatenate(probs), np.concatenate(ys)
    return roc_auc_score(y, p), average_precision_score(1 - y, 1 - p)


def main(a):
    torch.manual_seed(a.seed)
    np.random.seed(a.seed)

    df = pd.read_parquet(a.data)
    X, y = df[FEATURES].to_numpy(dtype=np.float32), df[TARGET].to_numpy(dtype=np.float32)
    X_tmp, X_te, y_tmp, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=a.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tmp, y_tmp, test_size=0.2, stratify=y_tmp, random_state=a.seed)

    scaler = StandardScaler().fit(X_tr)
    X_tr, X_va, X_te = scaler.transform(X_tr), scaler.transform(X_va), scaler.transform(X_te)

    train_dl = to_loader(X_tr, y_tr, a.batch_size, shuffle=True)
    val_dl = to_loader(X_va, y_va, 1024, shuffle=False)
    test_dl = to_loader(X_te, y_te, 1024, shuffle=False)

    model = RenewalNet(len(FEATURES))
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    pos_weight = torch.tensor((y_tr == 0).sum() / (y_tr == 1).sum())
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    best_auc, best_state, bad_epochs = 0.0, None, 0
    for epoch in range(a.epochs):
        model.train()
        running = 0.0
        for xb, yb in train_dl:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            running += loss.item() * len(xb)
        val_auc, val_ap = evaluate(model, val_dl)
        print(f"epoch {epoch:02d} loss {running / len(train_dl.dataset):.4f} val_auc {val_auc:.4f} val_ap_lapse {val_ap:.4f}")
        if val_auc > best_auc:
            best_auc, best_state, bad_epochs = val_auc, copy.deepcopy(model.state_dict()), 0
        else:
            bad_epochs += 1
            if bad_epochs >= a.patience:
                break

    model.load_state_dict(best_state)
    test_auc, test_ap = evaluate(model, test_dl)
    print(f"TEST roc_auc={test_auc:.4f} pr_auc_lapse={test_ap:.4f}")
    torch.save({"state_dict": best_state, "scaler_mean": scaler.mean_, "scaler_scale": scaler.scale_}, a.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/b2b_renewals.parquet")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=8)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="renewal_mlp.pt")
    main(ap.parse_args())
