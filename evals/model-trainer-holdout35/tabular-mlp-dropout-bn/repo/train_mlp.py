"""MLP with batch-norm and dropout for loan default, benchmarked against logistic regression."""
import argparse
import copy
import logging
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

log = logging.getLogger("mlp")


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class TabularMLP(nn.Module):
    def __init__(self, n_in: int, hidden=(256, 128, 64), p_drop: float = 0.3):
        super().__init__()
        layers, prev = [], n_in
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(p_drop)]
            prev = h
        layers.append(nn.Linear(prev, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


def predict(model, loader, device):
    outs, ys = [], []
    with torch.no_grad():
        for xb, yb in loader:
            outs.append(torch.sigmoid(model(xb.to(device))).cpu())
            ys.append(yb)
    return torch.cat(ys).numpy(), torch.cat(outs).numpy()


def to_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.as_tensor(X, dtype=torch.float32), torch.as_tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/loans_numeric.csv")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--patience", type=int, default=10)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.data)
    y = df.pop("default").to_numpy()
    X = df.to_numpy(dtype=np.float32)
    X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.2, stratify=y_tmp,
                                                      random_state=args.seed)
    scaler = StandardScaler().fit(X_train)
    X_train, X_val, X_test = (scaler.transform(a) for a in (X_train, X_val, X_test))

    train_dl = to_loader(X_train, y_train, 512, shuffle=True)
    val_dl = to_loader(X_val, y_val, 2048, shuffle=False)
    test_dl = to_loader(X_test, y_test, 2048, shuffle=False)

    model = TabularMLP(X.shape[1]).to(device)
    pos_weight = torch.tensor((y_train == 0).sum() / max((y_train == 1).sum(), 1), device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)

    best_auc, best_state, stale = -np.inf, None, 0
    for epoch in range(args.epochs):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            opt.step()

        yv, pv = predict(model, val_dl, device)
        val_auc = roc_auc_score(yv, pv)
        log.info("epoch %d  loss %.4f  val AUROC %.4f", epoch, loss.item(), val_auc)
        if val_auc > best_auc:
            best_auc, best_state, stale = val_auc, copy.deepcopy(model.state_dict()), 0
            torch.save(best_state, "mlp_best.pt")
        else:
            stale += 1
            if stale >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(best_state)
    yt, pt = predict(model, test_dl, device)

    logreg = LogisticRegression(C=1.0, max_iter=2000).fit(X_train, y_train)
    p_lr = logreg.predict_proba(X_test)[:, 1]
    print(f"logistic  AUROC {roc_auc_score(y_test, p_lr):.4f}  AP {average_precision_score(y_test, p_lr):.4f}")
    print(f"MLP       AUROC {roc_auc_score(yt, pt):.4f}  AP {average_precision_score(yt, pt):.4f}")


if __name__ == "__main__":
    main()
