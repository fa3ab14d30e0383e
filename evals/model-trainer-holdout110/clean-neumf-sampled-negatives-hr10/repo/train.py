"""NeuMF for course recommendations. HR@10 / NDCG@10 over 1 positive + 99 sampled negatives."""
import argparse

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from data import eval_candidates, leave_last_out, load, seed_all, training_pairs
from model import NeuMF

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/enrollments.csv")
ap.add_argument("--epochs", type=int, default=30)
ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--seed", type=int, default=2020)
args = ap.parse_args()

seed_all(args.seed)
rng = np.random.default_rng(args.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = load(args.data)
n_users, n_items = int(df.u.max()) + 1, int(df.i.max()) + 1
train, valid, test = leave_last_out(df)
all_pos = df.groupby("u")["i"].agg(set).to_dict()
train_pos = train.groupby("u")["i"].agg(set).to_dict()
val_users, val_cands = eval_candidates(valid, all_pos, n_items, rng)
test_users, test_cands = eval_candidates(test, all_pos, n_items, rng)


@torch.no_grad()
def hr_ndcg(users, cands, k=10):
    model.eval()
    u = users[:, None].expand_as(cands).to(device)
    scores = model(u, cands.to(device))
    rank = (scores > scores[:, :1]).sum(1)  # target sits in column 0
    hit = (rank < k).float()
    return hit.mean().item(), (hit / torch.log2(rank.float() + 2)).mean().item()


model = NeuMF(n_users, n_items).to(device)
opt = torch.optim.Adam(model.parameters(), lr=args.lr)
best, best_state, stale = -1.0, None, 0
for epoch in range(args.epochs):
    model.train()
    u, i, y = training_pairs(train, train_pos, n_items, rng)
    loader = DataLoader(TensorDataset(u, i, y), batch_size=1024, shuffle=True)
    for bu, bi, by in loader:
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(model(bu.to(device), bi.to(device)), by.to(device))
        loss.backward()
        opt.step()
    hr, ndcg = hr_ndcg(val_users, val_cands)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} valid HR@10 {hr:.4f} NDCG@10 {ndcg:.4f}")
    if ndcg > best:
        best, stale = ndcg, 0
        best_state = {k: v.clone() for k, v in model.state_dict().items()}
    else:
        stale += 1
        if stale == 5:
            break

model.load_state_dict(best_state)
hr, ndcg = hr_ndcg(test_users, test_cands)
print(f"test HR@10 {hr:.4f}  NDCG@10 {ndcg:.4f}")
