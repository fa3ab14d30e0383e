"""Embedding MLP for predicted listening minutes."""
import argparse
import logging
import os

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LOG = logging.getLogger("podcast")


class EmbRegressor(nn.Module):
    def __init__(self, cards, n_num, width=192):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(k + 1, 12) for k in cards])
        self.net = nn.Sequential(
            nn.Linear(12 * len(cards) + n_num, width), nn.ReLU(), nn.Dropout(0.15),
            nn.Linear(width, width // 2), nn.ReLU(), nn.Linear(width // 2, 1))

    def forward(self, xc, xn):
        e = [emb(xc[:, j]) for j, emb in enumerate(self.embs)]
        return self.net(torch.cat(e + [xn], dim=1)).squeeze(-1)


def encode(train_df, other_df, cfg):
    """Vocabularies, medians and scaling stats come from train_df only."""
    xc_tr, xc_ot, cards = [], [], []
    for c in cfg["cat_cols"]:
        vocab = {v: i + 1 for i, v in enumerate(sorted(train_df[c].dropna().unique()))}
        xc_tr.append(train_df[c].map(vocab).fillna(0).astype(int).to_numpy())
        xc_ot.append(other_df[c].map(vocab).fillna(0).astype(int).to_numpy())
        cards.append(len(vocab))
    med = train_df[cfg["num_cols"]].median()
    num_tr = train_df[cfg["num_cols"]].fillna(med)
    mu, sd = num_tr.mean(), num_tr.std() + 1e-6
    xn_tr = ((num_tr - mu) / sd).to_numpy(np.float32)
    xn_ot = ((other_df[cfg["num_cols"]].fillna(med) - mu) / sd).to_numpy(np.float32)
    return (np.stack(xc_tr, 1), xn_tr), (np.stack(xc_ot, 1), xn_ot), cards


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    out, ys = [], []
    for xc, xn, y in loader:
        out.append(model(xc, xn)); ys.append(y)
    p, t = torch.cat(out).numpy(), torch.cat(ys).numpy()
    return mean_squared_error(t, p) ** 0.5, mean_absolute_error(t, p), p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    torch.manual_seed(cfg["seed"]); np.random.seed(cfg["seed"])

    df = pd.read_csv(cfg["csv"]).dropna(subset=[cfg["target"]])
    trn, val = train_test_split(df, test_size=0.15, random_state=cfg["seed"])
    (xc_tr, xn_tr), (xc_va, xn_va), cards = encode(trn, val, cfg)
    y_tr = trn[cfg["target"]].to_numpy(np.float32)
    y_va = val[cfg["target"]].to_numpy(np.float32)

    tr_dl = DataLoader(TensorDataset(torch.from_numpy(xc_tr), torch.from_numpy(xn_tr), torch.from_numpy(y_tr)),
                       batch_size=cfg["batch_size"], shuffle=True)
    va_dl = DataLoader(TensorDataset(torch.from_numpy(xc_va), torch.from_numpy(xn_va), torch.from_numpy(y_va)),
                       batch_size=4096)

    model = EmbRegressor(cards, len(cfg["num_cols"]))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    loss_fn = nn.MSELoss()
    os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)

    best, stale = float("inf"), 0
    opt.zero_grad()
    for epoch in range(cfg["max_epochs"]):
        model.train()
        for xc, xn, y in tr_dl:
            loss = loss_fn(model(xc, xn), y)
            loss.backward()
            opt.step()
        val_rmse, val_mae, _ = evaluate(model, va_dl)
        LOG.info("epoch %d val_rmse=%.3f val_mae=%.3f", epoch, val_rmse, val_mae)
        if val_rmse < best - 1e-4:
            best, stale = val_rmse, 0
            torch.save({"model": model.state_dict(), "cards": cards, "epoch": epoch}, cfg["checkpoint"])
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    ridge = Ridge(alpha=1.0).fit(xn_tr, y_tr)
    r_pred = ridge.predict(xn_va)
    LOG.info("best val rmse=%.3f | ridge rmse=%.3f mae=%.3f | mean rmse=%.3f", best,
             mean_squared_error(y_va, r_pred) ** 0.5, mean_absolute_error(y_va, r_pred),
             mean_squared_error(y_va, np.full_like(y_va, y_tr.mean())) ** 0.5)


if __name__ == "__main__":
    main()
