"""BPR matrix factorisation on MovieLens-1M (implicit), leave-last-out evaluation with 99 negatives."""
import argparse
from pathlib import Path

import numpy as np
import torch

from recsys.data import leave_last_out, load_ml1m, sample_candidates
from recsys.metrics import hit_ndcg_at_k
from recsys.model import BPRMF


@torch.no_grad()
def evaluate(model, users, cands):
    model.eval()
    s = model.score(torch.from_numpy(users), torch.from_numpy(cands)).numpy()
    return hit_ndcg_at_k(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ratings", default="data/ml-1m/ratings.dat")
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--batch-size", type=int, default=4096)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=6)
    ap.add_argument("--seed", type=int, default=2020)
    ap.add_argument("--ckpt", default="checkpoints/bpr_ml1m.pt")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)

    df, n_users, n_items = load_ml1m(args.ratings)
    train, val, test = leave_last_out(df)
    seen = df.groupby("u")["i"].agg(set).to_dict()          # used only to exclude negatives
    train_seen = train.groupby("u")["i"].agg(set).to_dict()
    val_users, val_cands = sample_candidates(val, seen, n_items, 99, rng)
    test_users, test_cands = sample_candidates(test, seen, n_items, 99, rng)

    # popularity baseline: interaction counts in the training part only
    pop = np.bincount(train["i"].to_numpy(), minlength=n_items).astype(np.float64)
    print("popularity  val", hit_ndcg_at_k(pop[val_cands]), "test", hit_ndcg_at_k(pop[test_cands]))

    model = BPRMF(n_users, n_items, args.dim)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    u_all = torch.from_numpy(train["u"].to_numpy())
    i_all = torch.from_numpy(train["i"].to_numpy())
    Path(args.ckpt).parent.mkdir(parents=True, exist_ok=True)

    best, bad = -1.0, 0
    for epoch in range(args.epochs):
        model.train()
        neg = rng.integers(n_items, size=len(u_all))
        for k, u in enumerate(u_all.tolist()):          # resample negatives the user has in train
            while neg[k] in train_seen[u]:
                neg[k] = rng.integers(n_items)
        neg = torch.from_numpy(neg)
        order = torch.randperm(len(u_all))
        total = 0.0
        for start in range(0, len(order), args.batch_size):
            idx = order[start:start + args.batch_size]
            opt.zero_grad()
            loss = model.bpr_loss(u_all[idx], i_all[idx], neg[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        val_m = evaluate(model, val_users, val_cands)
        print(f"epoch {epoch:03d} bpr {total / len(order):.4f} val {val_m}")
        if val_m["ndcg@10"] > best:
            best, bad = val_m["ndcg@10"], 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt))
    print("BPR-MF test", evaluate(model, test_users, test_cands))


if __name__ == "__main__":
    main()
