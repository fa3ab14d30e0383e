"""Autoencoder novelty detector for B2B payment instructions.

Fit on payments that passed manual review, score everything else by
reconstruction error. Alarm threshold = high percentile of validation errors.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class PaymentAE(nn.Module):
    def __init__(self, n_features, hidden=(64, 24), dropout=0.2):
        super().__init__()
        h1, h2 = hidden
        self.encoder = nn.Sequential(
            nn.Linear(n_features, h1), nn.BatchNorm1d(h1), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(h1, h2), nn.ReLU(),
        )
        self.decoder = nn.Sequential(
            nn.Linear(h2, h1), nn.BatchNorm1d(h1), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(h1, n_features),
        )

    def forward(self, x):
        return self.decoder(self.encoder(x))


def reconstruction_errors(model, loader, device):
    errs = []
    with torch.no_grad():
        for (xb,) in loader:
            xb = xb.to(device)
            errs.append(((model(xb) - xb) ** 2).mean(dim=1).cpu())
    return torch.cat(errs).numpy()


def to_loader(X, batch_size, shuffle=False):
    return DataLoader(TensorDataset(torch.tensor(X, dtype=torch.float32)), batch_size=batch_size, shuffle=shuffle)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/payments_features.parquet")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--patience", type=int, default=10)
    p.add_argument("--seed", type=int, default=1234)
    p.add_argument("--out", default="artifacts/payment_ae")
    args = p.parse_args()
    seed_all(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_parquet(args.data)
    feature_cols = [c for c in df.columns if c.startswith("f_")]
    X, y = df[feature_cols].to_numpy(float), df["flagged"].to_numpy(int)

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=args.seed)
    X_norm = X_tr[y_tr == 0]
    X_fit, X_val = train_test_split(X_norm, test_size=0.15, random_state=args.seed)

    scaler = StandardScaler().fit(X_fit)
    X_fit, X_val, X_te = scaler.transform(X_fit), scaler.transform(X_val), scaler.transform(X_te)

    model = PaymentAE(X.shape[1]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-5)
    train_loader = to_loader(X_fit, 256, shuffle=True)
    val_loader = to_loader(X_val, 1024)

    best, wait = float("inf"), 0
    for epoch in range(args.epochs):
        model.train()
        for (xb,) in train_loader:
            xb = xb.to(device)
            opt.zero_grad()
            loss = ((model(xb) - xb) ** 2).mean()
            loss.backward()
            opt.step()
        val_loss = reconstruction_errors(model, val_loader, device).mean()
        print(f"epoch {epoch:3d} train {loss.item():.4f} val {val_loss:.4f}")
        if val_loss < best:
            best, wait = val_loss, 0
            torch.save(model.state_dict(), out / "best.pt")
        elif (wait := wait + 1) >= args.patience:
            break

    model.load_state_dict(torch.load(out / "best.pt"))
    val_err = reconstruction_errors(model, val_loader, device)
    threshold = float(np.quantile(val_err, 0.995))
    test_err = reconstruction_errors(model, to_loader(X_te, 1024), device)
    pred = (test_err > threshold).astype(int)

    iforest = IsolationForest(n_estimators=300, random_state=args.seed).fit(X_fit)
    if_scores = -iforest.score_samples(X_te)

    metrics = {
        "ae_roc_auc": roc_auc_score(y_te, test_err),
        "ae_avg_precision": average_precision_score(y_te, test_err),
        "ae_precision": precision_score(y_te, pred, zero_division=0),
        "ae_recall": recall_score(y_te, pred, zero_division=0),
        "iforest_roc_auc": roc_auc_score(y_te, if_scores),
        "iforest_avg_precision": average_precision_score(y_te, if_scores),
        "threshold": threshold,
    }
    print(json.dumps(metrics, indent=2))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
