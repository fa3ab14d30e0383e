"""Weekly BPR matrix factorisation job for the 'Made for you' track shelf.

Input: user x track play counts aggregated over the last 90 days.
Output: user/track embedding tables consumed by the ANN index builder.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F


class BPRMF(nn.Module):
    def __init__(self, n_users, n_items, dim):
        super().__init__()
        self.user = nn.Embedding(n_users, dim)
        self.item = nn.Embedding(n_items, dim)
        nn.init.normal_(self.user.weight, std=0.05)
        nn.init.normal_(self.item.weight, std=0.05)

    def forward(self, u, i, j):
        pu = self.user(u)
        return (pu * self.item(i)).sum(-1), (pu * self.item(j)).sum(-1)


def load_plays(path, min_plays):
    plays = pd.read_parquet(path, columns=["user_id", "track_id", "play_count"])
    plays = plays[plays["play_count"] >= min_plays]
    plays["u"] = plays["user_id"].astype("category").cat.codes.astype(np.int64)
    plays["i"] = plays["track_id"].astype("category").cat.codes.astype(np.int64)
    return plays


@torch.no_grad()
def recall_ndcg(model, user_items, k, device, batch=2048):
    model.eval()
    users = np.array(sorted(user_items))
    disc = 1.0 / np.log2(np.arange(2, k + 2))
    rec, ndcg = [], []
    for s in range(0, len(users), batch):
        ub = users[s:s + batch]
        scores = model.user(torch.as_tensor(ub, device=device)) @ model.item.weight.T
        top = torch.topk(scores, k, dim=1).indices.cpu().numpy()
        for row, u in enumerate(ub):
            rel = np.isin(top[row], user_items[u]).astype(float)
            n = min(len(user_items[u]), k)
            rec.append(rel.sum() / n)
            ndcg.append((rel * disc).sum() / disc[:n].sum())
    return float(np.mean(rec)), float(np.mean(ndcg))


def popularity_recall(user_items, item_counts, k):
    top = np.argsort(-item_counts)[:k]
    return float(np.mean([np.isin(top, items).sum() / min(len(items), k) for items in user_items.values()]))


def main(args):
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    plays = load_plays(args.plays, args.min_plays)
    n_users, n_items = int(plays["u"].max()) + 1, int(plays["i"].max()) + 1
    user_items = plays.groupby("u")["i"].apply(np.array).to_dict()
    pos_u = torch.as_tensor(plays["u"].to_numpy(), device=device)
    pos_i = torch.as_tensor(plays["i"].to_numpy(), device=device)

    model = BPRMF(n_users, n_items, args.dim).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    for epoch in range(args.epochs):
        model.train()
        perm = torch.randperm(len(pos_u), device=device)
        total = 0.0
        for s in range(0, len(perm), args.batch_size):
            idx = perm[s:s + args.batch_size]
            neg = torch.randint(0, n_items, (len(idx),), device=device)
            opt.zero_grad()
            x_ui, x_uj = model(pos_u[idx], pos_i[idx], neg)
            loss = -F.logsigmoid(x_ui - x_uj).mean() + args.l2 * (
                model.user.weight[pos_u[idx]].pow(2).sum() + model.item.weight[pos_i[idx]].pow(2).sum()
            ) / len(idx)
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        print(f"epoch {epoch:02d} bpr loss {total / len(perm):.4f}")

    recall, ndcg = recall_ndcg(model, user_items, args.k, device)
    pop = popularity_recall(user_items, np.bincount(plays["i"], minlength=n_items), args.k)
    report = {f"recall@{args.k}": recall, f"ndcg@{args.k}": ndcg, f"popularity_recall@{args.k}": pop}
    print(json.dumps(report, indent=2))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), out / "bpr_mf.pt")
    np.save(out / "user_emb.npy", model.user.weight.detach().cpu().numpy())
    np.save(out / "item_emb.npy", model.item.weight.detach().cpu().numpy())
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--plays", default="data/user_track_plays_90d.parquet")
    p.add_argument("--out", default="artifacts/bpr")
    p.add_argument("--min-plays", type=int, default=3)
    p.add_argument("--dim", type=int, default=128)
    p.add_argument("--lr", type=float, default=5e-3)
    p.add_argument("--l2", type=float, default=1e-4)
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=8192)
    p.add_argument("--k", type=int, default=20)
    p.add_argument("--seed", type=int, default=5)
    main(p.parse_args())
