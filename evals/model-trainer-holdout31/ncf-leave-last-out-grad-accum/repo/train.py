import argparse
import logging
import random
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader

from recsys.data import PairwiseTrainSet, candidate_lists, leave_last_out, load_interactions
from recsys.metrics import hit_rate, ndcg, popularity_scores, rank_of_positive
from recsys.model import NeuMF

log = logging.getLogger("ncf")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def evaluate(model, users, cands, device, k=10):
    model.eval()
    u = users.to(device).unsqueeze(1).expand_as(cands)
    scores = model(u.reshape(-1), cands.to(device).reshape(-1)).view_as(cands).cpu()
    ranks = rank_of_positive(scores)
    return hit_rate(ranks, k), ndcg(ranks, k)


def train_one_epoch(model, loader, opt, device, accum_steps):
    model.train()
    total = 0.0
    for step, (u, pos, neg) in enumerate(loader):
        u, pos, neg = u.to(device), pos.to(device), neg.to(device)
        diff = model(u, pos) - model(u, neg)
        loss = -torch.nn.functional.logsigmoid(diff).mean() / accum_steps
        loss.backward()
        if (step + 1) % accum_steps == 0:
            opt.step()
        total += loss.item() * accum_steps
    return total / len(loader)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ratings", default="data/ml-1m/ratings.dat")
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=1024)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--patience", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="checkpoints")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    seed_everything(args.seed)
    rng = np.random.default_rng(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_interactions(args.ratings)
    n_users, n_items = df["user"].nunique(), df["item"].nunique()
    train, valid, test = leave_last_out(df)
    seen = train.groupby("user")["item"].apply(set).to_dict()
    val_users, val_cands = candidate_lists(valid, seen, n_items, rng)
    seen_plus_val = {u: s | {i} for u, s in seen.items() for i in valid.loc[valid["user"] == u, "item"]}
    test_users, test_cands = candidate_lists(test, seen_plus_val, n_items, rng)

    ds = PairwiseTrainSet(train, n_items, rng)
    loader = DataLoader(ds, batch_size=args.batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(args.seed))
    model = NeuMF(n_users, n_items).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=1e-6)

    ckpt = Path(args.out) / "neumf_best.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, bad = -1.0, 0
    for epoch in range(args.epochs):
        ds.resample()
        loss = train_one_epoch(model, loader, opt, device, args.accum_steps)
        hr, nd = evaluate(model, val_users, val_cands, device)
        log.info("epoch %d loss %.4f val HR@10 %.4f NDCG@10 %.4f", epoch, loss, hr, nd)
        if nd > best:
            best, bad = nd, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= args.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    hr, nd = evaluate(model, test_users, test_cands, device)
    pop_ranks = rank_of_positive(popularity_scores(train["item"].to_numpy(), test_cands))
    log.info("TEST NeuMF      HR@10 %.4f NDCG@10 %.4f", hr, nd)
    log.info("TEST popularity HR@10 %.4f NDCG@10 %.4f", hit_rate(pop_ranks), ndcg(pop_ranks))


if __name__ == "__main__":
    main()
