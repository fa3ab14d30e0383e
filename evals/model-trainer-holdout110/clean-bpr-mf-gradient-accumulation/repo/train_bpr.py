"""BPR matrix factorisation for the game-store "because you played" shelf.

Large batches do not fit on the shared GPU, so gradients are accumulated over `accum` micro-batches.
"""
import argparse

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

from utils import init_tracking, leave_last_out, seed_everything


class BPRMF(nn.Module):
    def __init__(self, n_users, n_items, dim):
        super().__init__()
        self.user = nn.Embedding(n_users, dim)
        self.item = nn.Embedding(n_items, dim)
        nn.init.normal_(self.user.weight, std=0.05)
        nn.init.normal_(self.item.weight, std=0.05)

    def forward(self, u, i):
        return (self.user(u) * self.item(i)).sum(-1)


def recall_at_k(model, split, seen, n_items, device, k=20):
    model.eval()
    with torch.no_grad():
        users = torch.tensor(split["u"].to_numpy(), device=device)
        scores = model.user(users) @ model.item.weight.T
        for row, u in enumerate(split["u"].to_numpy()):
            scores[row, seen.get(u, [])] = float("-inf")
        top = scores.topk(k, dim=1).indices.cpu().numpy()
    return float(np.mean([t in row for t, row in zip(split["i"].to_numpy(), top)]))


ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/game_sessions.parquet")
ap.add_argument("--dim", type=int, default=64)
ap.add_argument("--micro-batch", type=int, default=4096)
ap.add_argument("--accum", type=int, default=8)
ap.add_argument("--lr", type=float, default=5e-3)
ap.add_argument("--l2", type=float, default=1e-5)
ap.add_argument("--epochs", type=int, default=50)
ap.add_argument("--seed", type=int, default=8)
args = ap.parse_args()

gen = seed_everything(args.seed)
run = init_tracking(vars(args))
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_parquet(args.data, columns=["player_id", "game_id", "played_at"]).drop_duplicates(["player_id", "game_id"])
df = df[df.groupby("player_id")["game_id"].transform("size") >= 3].copy()
df["u"] = df["player_id"].astype("category").cat.codes.astype("int64")
df["i"] = df["game_id"].astype("category").cat.codes.astype("int64")
n_users, n_items = int(df.u.max()) + 1, int(df.i.max()) + 1
train, valid, test = leave_last_out(df)
seen_train = train.groupby("u")["i"].apply(list).to_dict()
seen_train_valid = pd.concat([train, valid]).groupby("u")["i"].apply(list).to_dict()

loader = DataLoader(
    TensorDataset(torch.tensor(train.u.to_numpy()), torch.tensor(train.i.to_numpy())),
    batch_size=args.micro_batch, shuffle=True, generator=gen,
)
model = BPRMF(n_users, n_items, args.dim).to(device)
opt = torch.optim.Adam(model.parameters(), lr=args.lr)

best, best_state, bad = -1.0, None, 0
for epoch in range(args.epochs):
    model.train()
    opt.zero_grad(set_to_none=True)
    for step, (u, i) in enumerate(loader):
        j = torch.randint(0, n_items, (len(u),), generator=gen)
        u, i, j = u.to(device), i.to(device), j.to(device)
        diff = model(u, i) - model(u, j)
        reg = args.l2 * (model.user(u).pow(2).sum() + model.item(i).pow(2).sum() + model.item(j).pow(2).sum()) / len(u)
        loss = (-F.logsigmoid(diff).mean() + reg) / args.accum
        loss.backward()
        if (step + 1) % args.accum == 0 or step + 1 == len(loader):
            opt.step()
            opt.zero_grad(set_to_none=True)
    val = recall_at_k(model, valid, seen_train, n_items, device)
    run.log({"epoch": epoch, "valid/recall@20": val, "train/last_loss": loss.item() * args.accum})
    if val > best:
        best, bad = val, 0
        best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    else:
        bad += 1
        if bad >= 5:
            break

model.load_state_dict(best_state)
test_recall = recall_at_k(model, test, seen_train_valid, n_items, device)
print(f"valid recall@20 {best:.4f}  test recall@20 {test_recall:.4f}")
run.summary["test/recall@20"] = test_recall
run.finish()
