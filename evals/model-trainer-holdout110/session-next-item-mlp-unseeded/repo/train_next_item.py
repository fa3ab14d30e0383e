"""Next-item model for the basket page "you may also like" widget.

Context = last K clicked items of the session (left-padded). Mean-pooled + last-item embeddings
go through a small MLP and are scored against the (tied) item embedding table.

    python train_next_item.py --clicks data/sessions_60d.csv --epochs 20
"""
import argparse

import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

K = 10


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--clicks", default="data/sessions_60d.csv")
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=1024)
    p.add_argument("--dim", type=int, default=96)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--patience", type=int, default=3)
    return p.parse_args()


def make_windows(df, vocab):
    X, y = [], []
    for _, items in df.groupby("session_id", sort=False)["item_id"]:
        ids = [vocab.get(i, 0) for i in items]
        for t in range(1, len(ids)):
            if ids[t] == 0:
                continue
            ctx = ids[max(0, t - K):t]
            X.append([0] * (K - len(ctx)) + ctx)
            y.append(ids[t])
    return TensorDataset(torch.tensor(X, dtype=torch.long), torch.tensor(y, dtype=torch.long))


class LastKMLP(nn.Module):
    def __init__(self, n_items, dim, hidden, dropout):
        super().__init__()
        self.emb = nn.Embedding(n_items, dim, padding_idx=0)
        self.mlp = nn.Sequential(
            nn.Linear(2 * dim, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, dim)
        )

    def forward(self, ctx):
        e = self.emb(ctx)
        mask = (ctx > 0).float().unsqueeze(-1)
        mean = (e * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        h = self.mlp(torch.cat([mean, e[:, -1]], dim=-1))
        return h @ self.emb.weight.T


@torch.no_grad()
def hit_rate(model, loader, device, k=20):
    model.eval()
    hits, n = 0, 0
    for ctx, tgt in loader:
        logits = model(ctx.to(device))
        logits[:, 0] = float("-inf")
        top = logits.topk(k, dim=1).indices.cpu()
        hits += (top == tgt[:, None]).any(dim=1).sum().item()
        n += len(tgt)
    return hits / n


def main():
    args = parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = pd.read_csv(args.clicks, usecols=["session_id", "item_id", "ts"], parse_dates=["ts"])
    df = df.sort_values(["session_id", "ts"])
    session_start = df.groupby("session_id")["ts"].transform("min")
    last_day = df["ts"].max().normalize()
    valid_day = last_day - pd.Timedelta(days=1)
    train_df = df[session_start < valid_day]
    valid_df = df[(session_start >= valid_day) & (session_start < last_day)]
    test_df = df[session_start >= last_day]

    vocab = {item: i + 1 for i, item in enumerate(train_df["item_id"].unique())}
    train_ds, valid_ds, test_ds = (make_windows(d, vocab) for d in (train_df, valid_df, test_df))
    print(f"{len(vocab)} items | {len(train_ds)} / {len(valid_ds)} / {len(test_ds)} windows")

    train_loader = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, drop_last=True)
    valid_loader = DataLoader(valid_ds, batch_size=4096)
    test_loader = DataLoader(test_ds, batch_size=4096)

    model = LastKMLP(len(vocab) + 1, args.dim, args.hidden, args.dropout).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-5)

    best, best_state, wait = 0.0, None, 0
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for ctx, tgt in train_loader:
            ctx, tgt = ctx.to(device), tgt.to(device)
            loss = F.cross_entropy(model(ctx), tgt)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        hr = hit_rate(model, valid_loader, device)
        print(f"epoch {epoch:02d} loss {total / len(train_loader):.4f} valid HR@20 {hr:.4f}")
        if hr > best:
            best, wait = hr, 0
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(best_state)
    print(f"test HR@20 {hit_rate(model, test_loader, device):.4f}")
    torch.save(best_state, "next_item_mlp.pt")


if __name__ == "__main__":
    main()
