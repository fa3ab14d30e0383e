"""Attritional claim severity model (Gamma deviance) for motor own-damage claims.

One row per claim; target is the ultimate incurred capped at the large-loss threshold.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

NUMERIC = ["vehicle_value", "vehicle_age", "driver_age", "repairer_network", "reporting_delay_days"]
CATEGORICAL = ["vehicle_group", "claim_cause", "region", "fault_indicator"]
CAP = 50_000.0


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def gamma_deviance(log_mu, y):
    mu = torch.exp(log_mu)
    return torch.mean(2.0 * (y / mu - torch.log(y / mu) - 1.0))


class SeverityMLP(nn.Module):
    def __init__(self, in_dim, hidden=64):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(in_dim, hidden), nn.ReLU(), nn.Dropout(0.1),
            nn.Linear(hidden, hidden // 2), nn.ReLU(),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.net(x).squeeze(1)


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    losses = [gamma_deviance(model(xb), yb).item() * len(yb) for xb, yb in loader]
    return sum(losses) / len(loader.dataset)


def to_tensor_ds(X, y):
    return TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))


def main(args):
    set_seed(args.seed)
    claims = pd.read_parquet(args.data)
    claims = claims[claims["incurred"] > 0].copy()
    claims["y"] = claims["incurred"].clip(upper=CAP)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    trval_idx, test_idx = next(gss.split(claims, groups=claims["policyholder_id"]))
    trval, test = claims.iloc[trval_idx], claims.iloc[test_idx]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed + 1)
    tr_idx, va_idx = next(gss_val.split(trval, groups=trval["policyholder_id"]))
    train, valid = trval.iloc[tr_idx], trval.iloc[va_idx]

    scaler = StandardScaler().fit(train[NUMERIC])
    ohe = OneHotEncoder(handle_unknown="ignore", min_frequency=50, sparse_output=False).fit(train[CATEGORICAL])
    prep = lambda d: np.hstack([scaler.transform(d[NUMERIC]), ohe.transform(d[CATEGORICAL])])

    train_dl = DataLoader(to_tensor_ds(prep(train), train["y"].values), batch_size=512, shuffle=True)
    valid_dl = DataLoader(to_tensor_ds(prep(valid), valid["y"].values), batch_size=4096)
    test_dl = DataLoader(to_tensor_ds(prep(test), test["y"].values), batch_size=4096)

    model = SeverityMLP(prep(train.head(2)).shape[1])
    with torch.no_grad():
        model.net[-1].bias.fill_(float(np.log(train["y"].mean())))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    best, wait = np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in train_dl:
            loss = gamma_deviance(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(yb)
        val_dev = evaluate(model, valid_dl)
        print(f"epoch {epoch:3d}  train {running / len(train_dl.dataset):.4f}  valid {val_dev:.4f}")
        if val_dev < best:
            best, wait = val_dev, 0
            torch.save(model.state_dict(), args.checkpoint)
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load(args.checkpoint))
    test_dev = evaluate(model, test_dl)
    mean_pred = torch.full((len(test),), float(np.log(train["y"].mean())))
    base_dev = gamma_deviance(mean_pred, torch.tensor(test["y"].values, dtype=torch.float32)).item()
    with torch.no_grad():
        preds = torch.exp(model(torch.tensor(prep(test), dtype=torch.float32))).numpy()
    mae = np.mean(np.abs(preds - test["y"].values))
    print(f"test gamma deviance {test_dev:.4f} (mean-severity baseline {base_dev:.4f}), MAE {mae:,.0f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/od_claims_2019_2023.parquet")
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--patience", type=int, default=8)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--checkpoint", default="severity_mlp.pt")
    main(p.parse_args())
