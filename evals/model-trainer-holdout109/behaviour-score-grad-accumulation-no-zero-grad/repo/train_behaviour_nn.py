"""Behavioural PD model for revolving credit: 12-month default from month-end account snapshots.

Splits are produced upstream by snapshot date (train <= 2021-12, valid 2022-01..06, test 2022-07..12).
Large effective batch via gradient accumulation, since snapshot rows are wide and GPU memory is small.
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

NUM = ["credit_limit", "balance", "utilisation", "utilisation_avg_3m", "utilisation_avg_6m",
       "payment_ratio_3m", "min_pay_only_count_6m", "cash_advance_amt_3m", "months_on_book",
       "max_dpd_6m", "max_dpd_12m", "times_30dpd_12m", "limit_change_6m", "bureau_score"]
CAT = ["product_code", "region_code"]


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class BehaviourNet(nn.Module):
    def __init__(self, n_num, cat_cards, emb_dim=8, hidden=128):
        super().__init__()
        self.embs = nn.ModuleList([nn.Embedding(card + 1, emb_dim) for card in cat_cards])
        self.mlp = nn.Sequential(
            nn.Linear(n_num + emb_dim * len(cat_cards), hidden), nn.ReLU(), nn.Dropout(0.2),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Linear(hidden // 2, 1),
        )

    def forward(self, x_num, x_cat):
        e = [emb(x_cat[:, i]) for i, emb in enumerate(self.embs)]
        return self.mlp(torch.cat([x_num] + e, dim=1)).squeeze(-1)


def to_tensors(df, scaler, cat_maps):
    x_num = torch.tensor(scaler.transform(df[NUM].fillna(0)), dtype=torch.float32)
    x_cat = torch.tensor(
        np.stack([df[c].map(cat_maps[c]).fillna(0).astype(int).values for c in CAT], axis=1), dtype=torch.long
    )
    y = torch.tensor(df["default_12m"].values, dtype=torch.float32)
    return TensorDataset(x_num, x_cat, y)


@torch.no_grad()
def evaluate(model, dl):
    model.eval()
    p, t = [], []
    for x_num, x_cat, y in dl:
        p.append(torch.sigmoid(model(x_num, x_cat)))
        t.append(y)
    return roc_auc_score(torch.cat(t).numpy(), torch.cat(p).numpy())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/behaviour")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--batch-size", type=int, default=512)
    ap.add_argument("--accum-steps", type=int, default=8)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=99)
    args = ap.parse_args()
    set_seed(args.seed)

    train = pd.read_parquet(f"{args.data_dir}/train.parquet")
    valid = pd.read_parquet(f"{args.data_dir}/valid.parquet")
    test = pd.read_parquet(f"{args.data_dir}/test.parquet")

    scaler = StandardScaler().fit(train[NUM].fillna(0))
    cat_maps = {c: {v: i + 1 for i, v in enumerate(sorted(train[c].dropna().unique()))} for c in CAT}
    train_dl = DataLoader(to_tensors(train, scaler, cat_maps), batch_size=args.batch_size, shuffle=True)
    valid_dl = DataLoader(to_tensors(valid, scaler, cat_maps), batch_size=4096)
    test_dl = DataLoader(to_tensors(test, scaler, cat_maps), batch_size=4096)

    model = BehaviourNet(len(NUM), [len(cat_maps[c]) for c in CAT])
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    criterion = nn.BCEWithLogitsLoss()

    best_auc = 0.0
    optimizer.zero_grad()
    for epoch in range(args.epochs):
        model.train()
        for step, (x_num, x_cat, y) in enumerate(train_dl, start=1):
            loss = criterion(model(x_num, x_cat), y) / args.accum_steps
            loss.backward()
            if step % args.accum_steps == 0:
                torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
                optimizer.step()

        val_auc = evaluate(model, valid_dl)
        print(f"epoch {epoch}  valid AUC {val_auc:.4f}")
        if val_auc > best_auc:
            best_auc = val_auc
            torch.save(model.state_dict(), "behaviour_nn_best.pt")

    model.load_state_dict(torch.load("behaviour_nn_best.pt"))
    print(f"best valid AUC {best_auc:.4f}  test AUC {evaluate(model, test_dl):.4f}")


if __name__ == "__main__":
    main()
