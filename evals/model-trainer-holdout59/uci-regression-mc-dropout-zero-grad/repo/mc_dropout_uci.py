"""MC-dropout regression on the UCI benchmark splits of Hernandez-Lobato & Adams (2015).

Reproduces the MC-dropout column (RMSE and test log-likelihood) of Gal & Ghahramani (2016), Table 1.
Expects the split files of the original repository under data/UCI/<dataset>/.
"""
import argparse
import copy
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


def load_split(root, split):
    data = np.loadtxt(f"{root}/data.txt")
    feat = np.loadtxt(f"{root}/index_features.txt").astype(int)
    tgt = int(np.loadtxt(f"{root}/index_target.txt"))
    tr = np.loadtxt(f"{root}/index_train_{split}.txt").astype(int)
    te = np.loadtxt(f"{root}/index_test_{split}.txt").astype(int)
    X, y = data[:, feat], data[:, tgt]
    n_val = int(0.2 * len(tr))
    return (X[tr[n_val:]], y[tr[n_val:]]), (X[tr[:n_val]], y[tr[:n_val]]), (X[te], y[te])


class DropoutMLP(nn.Module):
    def __init__(self, d_in, hidden=50, p=0.05):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Dropout(p), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


@torch.no_grad()
def mc_predict(model, X, T=100):
    model.train()  # MC dropout
    samples = torch.stack([model(X) for _ in range(T)])
    return samples.mean(0), samples


def rmse_and_ll(samples, y, y_std, tau):
    s = samples * y_std
    y = y * y_std
    rmse = torch.sqrt(((s.mean(0) - y) ** 2).mean()).item()
    ll = (torch.logsumexp(-0.5 * tau * (y - s) ** 2, 0) - np.log(s.shape[0])
          - 0.5 * np.log(2 * np.pi) + 0.5 * np.log(tau)).mean().item()
    return rmse, ll


def run_split(root, split, args):
    (X_tr, y_tr), (X_va, y_va), (X_te, y_te) = load_split(root, split)
    x_mu, x_sd = X_tr.mean(0), X_tr.std(0) + 1e-8
    y_mu, y_sd = y_tr.mean(), y_tr.std()
    t = lambda a: torch.tensor(a, dtype=torch.float32)
    X_tr, X_va, X_te = t((X_tr - x_mu) / x_sd), t((X_va - x_mu) / x_sd), t((X_te - x_mu) / x_sd)
    y_tr, y_va, y_te = t((y_tr - y_mu) / y_sd), t((y_va - y_mu) / y_sd), t((y_te - y_mu) / y_sd)

    model = DropoutMLP(X_tr.shape[1], p=args.dropout)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=32, shuffle=True)
    best_rmse, best_state, stale = float("inf"), None, 0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        for xb, yb in loader:
            loss = nn.functional.mse_loss(model(xb), yb)
            loss.backward()
            optimizer.step()
        val_mean, _ = mc_predict(model, X_va, T=20)
        val_rmse = torch.sqrt(((val_mean - y_va) ** 2).mean()).item()
        if val_rmse < best_rmse:
            best_rmse, best_state, stale = val_rmse, copy.deepcopy(model.state_dict()), 0
        else:
            stale += 1
            if stale >= args.patience:
                break
    model.load_state_dict(best_state)
    torch.save(best_state, Path(args.out) / f"split{split}.pt")

    _, samples = mc_predict(model, X_te, T=args.T)
    rmse, ll = rmse_and_ll(samples, y_te, y_sd, args.tau)
    baseline_rmse = torch.sqrt((y_te ** 2).mean()).item() * y_sd
    return {"split": split, "rmse": rmse, "ll": ll, "mean_baseline_rmse": baseline_rmse, "epochs": epoch + 1}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", default="concrete")
    parser.add_argument("--splits", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--patience", type=int, default=40)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--weight-decay", type=float, default=1e-4)
    parser.add_argument("--dropout", type=float, default=0.05)
    parser.add_argument("--tau", type=float, default=1.0)
    parser.add_argument("--T", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="runs/mc_dropout")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    results = [run_split(f"data/UCI/{args.dataset}", s, args) for s in range(args.splits)]
    rmse = np.array([r["rmse"] for r in results])
    ll = np.array([r["ll"] for r in results])
    base = np.array([r["mean_baseline_rmse"] for r in results])
    n = np.sqrt(len(results))
    print(f"{args.dataset}: RMSE {rmse.mean():.3f} ± {rmse.std() / n:.3f} | "
          f"LL {ll.mean():.3f} ± {ll.std() / n:.3f} | mean-predictor RMSE {base.mean():.3f}")
    with open(Path(args.out) / f"{args.dataset}.json", "w") as f:
        json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
