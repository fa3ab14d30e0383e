"""Train an MLP predicting Copenhagen Burnout Inventory totals from the other survey blocks."""
import argparse
import copy
import random

import numpy as np
import pandas as pd
import torch
from sklearn.impute import SimpleImputer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from model import ItemMLP

UWES = [f"uwes{i}" for i in range(1, 10)]          # work engagement, 0-6
DEMANDS = [f"qd{i}" for i in range(1, 7)]          # COPSOQ quantitative demands, 0-4
SLEEP = ["psqi_quality", "psqi_latency", "psqi_duration", "psqi_disturbance"]
DEMO = ["age", "female", "tenure_years", "manager", "remote_days"]
TARGET = "cbi_total"


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def to_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.tensor(X, dtype=torch.float32), torch.tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def train_one_epoch(model, loader, optimizer, loss_fn):
    model.train()
    total = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(yb)
    return total / len(loader.dataset)


@torch.no_grad()
def evaluate(model, loader):
    preds, targets = [], []
    for xb, yb in loader:
        preds.append(model(xb))
        targets.append(yb)
    p, t = torch.cat(preds), torch.cat(targets)
    return (p - t).abs().mean().item(), ((p - t) ** 2).mean().sqrt().item()


def main(args):
    seed_everything(args.seed)
    df = pd.read_csv(args.data).dropna(subset=[TARGET])
    cols = UWES + DEMANDS + SLEEP + DEMO
    X, y = df[cols].values, df[TARGET].values

    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=0.25, random_state=args.seed
    )
    imputer = SimpleImputer(strategy="median").fit(X_train)
    scaler = StandardScaler().fit(imputer.transform(X_train))
    prep = lambda a: scaler.transform(imputer.transform(a))

    train_dl = to_loader(prep(X_train), y_train, args.batch_size, shuffle=True)
    val_dl = to_loader(prep(X_val), y_val, 512, shuffle=False)
    test_dl = to_loader(prep(X_test), y_test, 512, shuffle=False)

    model = ItemMLP(len(cols), dropout=args.dropout)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    loss_fn = torch.nn.MSELoss()

    best_mae, best_state, bad_epochs = float("inf"), None, 0
    for epoch in range(1, args.epochs + 1):
        tr_loss = train_one_epoch(model, train_dl, optimizer, loss_fn)
        val_mae, val_rmse = evaluate(model, val_dl)
        print(f"epoch {epoch:3d} train_mse={tr_loss:.2f} val_mae={val_mae:.2f} val_rmse={val_rmse:.2f}")
        if val_mae < best_mae - 1e-3:
            best_mae, best_state, bad_epochs = val_mae, copy.deepcopy(model.state_dict()), 0
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                break

    model.load_state_dict(best_state)
    test_mae, test_rmse = evaluate(model, test_dl)
    print(f"best val MAE {best_mae:.2f} | test MAE {test_mae:.2f} RMSE {test_rmse:.2f}")
    torch.save(model.state_dict(), args.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/cbi_survey_2022.csv")
    ap.add_argument("--epochs", type=int, default=200)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--patience", type=int, default=15)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="cbi_mlp.pt")
    main(ap.parse_args())
