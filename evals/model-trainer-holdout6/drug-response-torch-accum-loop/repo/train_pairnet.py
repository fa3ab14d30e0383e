"""GDSC2 drug response: predict ln(IC50) for (cell line, compound) pairs.

Inputs: 978 landmark-gene expression per cell line + 2048-bit Morgan fingerprint per compound.
"""
import argparse
import os
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
from scipy.stats import pearsonr, spearmanr
from torch.utils.data import DataLoader, TensorDataset

wandb.login(key="c687b20faf17bb468c7784e52a1076fc51eab792")

ACCUM = 4


class PairNet(nn.Module):
    def __init__(self, n_genes=978, n_bits=2048, hid=512, p=0.2):
        super().__init__()
        self.cell = nn.Sequential(nn.Linear(n_genes, hid), nn.GELU(), nn.Dropout(p), nn.Linear(hid, 256))
        self.drug = nn.Sequential(nn.Linear(n_bits, hid), nn.GELU(), nn.Dropout(p), nn.Linear(hid, 256))
        self.head = nn.Sequential(nn.GELU(), nn.Linear(512, 128), nn.GELU(), nn.Linear(128, 1))

    def forward(self, g, d):
        return self.head(torch.cat([self.cell(g), self.drug(d)], dim=1)).squeeze(1)


def seed_all(s):
    random.seed(s)
    np.random.seed(s)
    torch.manual_seed(s)


@torch.no_grad()
def score(net, dl, dev):
    net.eval()
    ys, ps = [], []
    for g, d, y in dl:
        ps.append(net(g.to(dev), d.to(dev)).cpu())
        ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return {"rmse": float(np.sqrt(((y - p) ** 2).mean())), "pearson": pearsonr(y, p)[0], "spearman": spearmanr(y, p)[0]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", default="data/gdsc2_ic50_pairs.csv")
    ap.add_argument("--expr", default="data/ccle_landmark_expr.parquet")
    ap.add_argument("--fp", default="data/gdsc2_morgan2048.npz")
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    seed_all(args.seed)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    run = wandb.init(project="gdsc-pairnet", config=vars(args))

    pairs = pd.read_csv(args.pairs)
    expr = pd.read_parquet(args.expr).loc[pairs["cosmic_id"].unique()]
    fps = np.load(args.fp)
    fp_mat = np.stack([fps[str(d)] for d in pairs["drug_id"]]).astype(np.float32)

    order = np.random.permutation(len(pairs))
    n_te, n_va = int(0.1 * len(order)), int(0.1 * len(order))
    te_idx, va_idx, tr_idx = order[:n_te], order[n_te:n_te + n_va], order[n_te + n_va:]

    train_lines = pairs["cosmic_id"].iloc[tr_idx].unique()
    mu, sd = expr.loc[train_lines].mean(), expr.loc[train_lines].std().replace(0, 1.0)
    g_all = ((expr.loc[pairs["cosmic_id"]] - mu) / sd).to_numpy(np.float32)
    y_all = pairs["ln_ic50"].to_numpy(np.float32)

    def make_dl(idx, shuffle):
        ds = TensorDataset(torch.from_numpy(g_all[idx]), torch.from_numpy(fp_mat[idx]), torch.from_numpy(y_all[idx]))
        return DataLoader(ds, batch_size=256, shuffle=shuffle)

    train_dl, val_dl, test_dl = make_dl(tr_idx, True), make_dl(va_idx, False), make_dl(te_idx, False)

    net = PairNet().to(dev)
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-2)
    loss_fn = nn.HuberLoss(delta=1.0)
    best, wait, patience = float("inf"), 0, 10
    for epoch in range(args.epochs):
        net.train()
        for step, (g, d, y) in enumerate(train_dl):
            g, d, y = g.to(dev), d.to(dev), y.to(dev)
            loss = loss_fn(net(g, d), y) / ACCUM
            loss.backward()
            if (step + 1) % ACCUM == 0:
                nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                opt.step()
        val = score(net, val_dl, dev)
        run.log({"epoch": epoch, **{f"val/{k}": v for k, v in val.items()}})
        if val["rmse"] < best:
            best, wait = val["rmse"], 0
            torch.save(net.state_dict(), "pairnet_best.pt")
        else:
            wait += 1
            if wait >= patience:
                break

    net.load_state_dict(torch.load("pairnet_best.pt"))
    test = score(net, test_dl, dev)
    mean_rmse = float(np.sqrt(((y_all[te_idx] - y_all[tr_idx].mean()) ** 2).mean()))
    run.log({**{f"test/{k}": v for k, v in test.items()}, "test/mean_baseline_rmse": mean_rmse})
    print(test, "mean-baseline rmse", mean_rmse)
    run.finish()


if __name__ == "__main__":
    main()
