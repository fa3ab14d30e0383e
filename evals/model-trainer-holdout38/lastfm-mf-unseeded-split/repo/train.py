"""Biased matrix factorisation on Last.fm user-artist play counts (log scale).

    python train.py --config config.yaml
"""
import argparse
import math
from pathlib import Path

import torch
import yaml
from torch.utils.data import DataLoader

from lfm.data import PlayDataset, load_plays, split_interactions
from lfm.model import BiasedMF


@torch.no_grad()
def rmse_mae(model, loader):
    model.eval()
    se, ae, n = 0.0, 0.0, 0
    for u, i, r in loader:
        pred = model(u, i)
        se += ((pred - r) ** 2).sum().item()
        ae += (pred - r).abs().sum().item()
        n += len(r)
    return math.sqrt(se / n), ae / n


def bias_baseline(train, test):
    mu = train["rating"].mean()
    ub = (train["rating"] - mu).groupby(train["user_idx"]).mean()
    ib = (train["rating"] - mu).groupby(train["item_idx"]).mean()
    pred = mu + test["user_idx"].map(ub).fillna(0.0) + test["item_idx"].map(ib).fillna(0.0)
    err = pred - test["rating"]
    return math.sqrt((err ** 2).mean()), err.abs().mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    df, n_users, n_items = load_plays(cfg["data_path"])
    train, val, test = split_interactions(df, cfg["val_frac"], cfg["test_frac"])
    print(f"{len(train)} train / {len(val)} val / {len(test)} test interactions")

    train_dl = DataLoader(PlayDataset(train), batch_size=cfg["batch_size"], shuffle=True)
    val_dl = DataLoader(PlayDataset(val), batch_size=8192)
    test_dl = DataLoader(PlayDataset(test), batch_size=8192)

    model = BiasedMF(n_users, n_items, cfg["embedding_dim"], train["rating"].mean())
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, bad = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for u, i, r in train_dl:
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(u, i), r)
            loss.backward()
            opt.step()
        val_rmse, val_mae = rmse_mae(model, val_dl)
        print(f"epoch {epoch:02d} val rmse {val_rmse:.4f} mae {val_mae:.4f}")
        if val_rmse < best:
            best, bad = val_rmse, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt))
    print("bias-only baseline test rmse %.4f mae %.4f" % bias_baseline(train, test))
    print("MF test rmse %.4f mae %.4f" % rmse_mae(model, test_dl))


if __name__ == "__main__":
    main()
