"""NeuMF (He et al. 2017) on implicit purchase feedback.

Leave-one-out protocol: each user's last interaction is the test item, the
second-to-last is the validation item; ranking is against 99 sampled negatives.
"""
import argparse
import os

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset


class NeuMF(nn.Module):
    def __init__(self, n_users, n_items, gmf_dim=32, mlp_dims=(128, 64, 32), dropout=0.2):
        super().__init__()
        self.gmf_user = nn.Embedding(n_users, gmf_dim)
        self.gmf_item = nn.Embedding(n_items, gmf_dim)
        self.mlp_user = nn.Embedding(n_users, mlp_dims[0] // 2)
        self.mlp_item = nn.Embedding(n_items, mlp_dims[0] // 2)
        layers = []
        for d_in, d_out in zip(mlp_dims[:-1], mlp_dims[1:]):
            layers += [nn.Linear(d_in, d_out), nn.ReLU(), nn.Dropout(dropout)]
        self.mlp = nn.Sequential(*layers)
        self.out = nn.Linear(gmf_dim + mlp_dims[-1], 1)

    def forward(self, u, i):
        gmf = self.gmf_user(u) * self.gmf_item(i)
        mlp = self.mlp(torch.cat([self.mlp_user(u), self.mlp_item(i)], dim=-1))
        return self.out(torch.cat([gmf, mlp], dim=-1)).squeeze(-1)


def leave_one_out(df):
    df = df.sort_values(["user_idx", "ts"])
    rank = df.groupby("user_idx").cumcount(ascending=False)
    return df[rank >= 2], df[rank == 1], df[rank == 0]


def sample_training_negatives(train, n_items, n_neg):
    seen = train.groupby("user_idx")["item_idx"].apply(set).to_dict()
    users, items, labels = [], [], []
    for u, i in zip(train["user_idx"].to_numpy(), train["item_idx"].to_numpy()):
        users.append(u); items.append(i); labels.append(1.0)
        for _ in range(n_neg):
            j = np.random.randint(n_items)
            while j in seen[u]:
                j = np.random.randint(n_items)
            users.append(u); items.append(j); labels.append(0.0)
    return TensorDataset(torch.tensor(users), torch.tensor(items), torch.tensor(labels))


def build_eval_candidates(holdout, seen, n_items, n_cand=99):
    rows = []
    for u, pos in zip(holdout["user_idx"].to_numpy(), holdout["item_idx"].to_numpy()):
        negs = set()
        while len(negs) < n_cand:
            j = np.random.randint(n_items)
            if j not in seen[u] and j != pos:
                negs.add(j)
        rows.append((u, [pos] + sorted(negs)))
    return rows


def evaluate(model, candidates, device, k=10):
    hits, ndcgs = [], []
    for u, items in candidates:
        u_t = torch.full((len(items),), u, dtype=torch.long, device=device)
        i_t = torch.tensor(items, dtype=torch.long, device=device)
        scores = model(u_t, i_t).detach().cpu().numpy()
        rank = int((scores > scores[0]).sum())
        hits.append(rank < k)
        ndcgs.append(1.0 / np.log2(rank + 2) if rank < k else 0.0)
    return float(np.mean(hits)), float(np.mean(ndcgs))


def main(args):
    device = "cuda" if torch.cuda.is_available() else "cpu"
    df = pd.read_parquet(args.data)
    n_users, n_items = df["user_idx"].max() + 1, df["item_idx"].max() + 1
    train, valid, test = leave_one_out(df)
    seen_all = df.groupby("user_idx")["item_idx"].apply(set).to_dict()
    val_cands = build_eval_candidates(valid, seen_all, n_items)
    test_cands = build_eval_candidates(test, seen_all, n_items)

    model = NeuMF(n_users, n_items, dropout=args.dropout).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.BCEWithLogitsLoss()

    best_hr, bad_epochs = 0.0, 0
    for epoch in range(args.epochs):
        ds = sample_training_negatives(train, n_items, args.n_neg)
        loader = DataLoader(ds, batch_size=args.batch_size, shuffle=True)
        model.train()
        total = 0.0
        for u, i, y in loader:
            u, i, y = u.to(device), i.to(device), y.to(device)
            opt.zero_grad()
            loss = loss_fn(model(u, i), y)
            loss.backward()
            opt.step()
            total += loss.item() * len(y)
        hr, ndcg = evaluate(model, val_cands, device)
        print(f"epoch {epoch:02d} loss {total / len(ds):.4f} val HR@10 {hr:.4f} NDCG@10 {ndcg:.4f}")
        if hr > best_hr:
            best_hr, bad_epochs = hr, 0
            torch.save(model.state_dict(), os.path.join(args.out_dir, "neumf_best.pt"))
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                break

    model.load_state_dict(torch.load(os.path.join(args.out_dir, "neumf_best.pt")))
    hr, ndcg = evaluate(model, test_cands, device)
    pop = train["item_idx"].value_counts()
    pop_hits = [int((pop.reindex(items).fillna(0).to_numpy() > pop.get(items[0], 0)).sum()) < 10
                for _, items in test_cands]
    print(f"TEST HR@10 {hr:.4f} NDCG@10 {ndcg:.4f} | popularity HR@10 {np.mean(pop_hits):.4f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/purchases_indexed.parquet")
    p.add_argument("--out-dir", default="checkpoints")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch-size", type=int, default=1024)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--n-neg", type=int, default=4)
    p.add_argument("--dropout", type=float, default=0.2)
    p.add_argument("--patience", type=int, default=3)
    main(p.parse_args())
