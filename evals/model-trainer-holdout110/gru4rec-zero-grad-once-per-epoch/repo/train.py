"""Session-based next-click model (GRU4Rec-style) for the product detail page.

python train.py --data data/clicks_30d.csv --epochs 8
"""
import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from data import PrefixDataset, build_vocab, collate, load_sessions, split_by_time
from model import GRU4Rec


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device, k=20):
    model.eval()
    hits, rr, n = 0.0, 0.0, 0
    for seqs, lengths, targets in loader:
        logits = model(seqs.to(device), lengths)
        logits[:, 0] = float("-inf")
        targets = targets.to(device)
        match = logits.topk(k, dim=1).indices == targets[:, None]
        found = match.any(dim=1)
        ranks = match.float().argmax(dim=1) + 1
        hits += found.sum().item()
        rr += (found.float() / ranks).sum().item()
        n += len(targets)
    return hits / n, rr / n


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/clicks_30d.csv")
    p.add_argument("--epochs", type=int, default=8)
    p.add_argument("--batch-size", type=int, default=512)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--emb-dim", type=int, default=64)
    p.add_argument("--hidden", type=int, default=100)
    p.add_argument("--dropout", type=float, default=0.25)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--out", default="gru4rec.pt")
    args = p.parse_args()

    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    df = load_sessions(args.data)
    train_df, test_df = split_by_time(df)
    vocab = build_vocab(train_df)
    train_ds, test_ds = PrefixDataset(train_df, vocab), PrefixDataset(test_df, vocab)
    print(f"{len(vocab)} items, {len(train_ds)} train / {len(test_ds)} test prefixes")

    train_loader = DataLoader(train_ds, batch_size=args.batch_size, shuffle=True, collate_fn=collate)
    test_loader = DataLoader(test_ds, batch_size=1024, collate_fn=collate)

    model = GRU4Rec(len(vocab) + 1, args.emb_dim, args.hidden, args.dropout).to(device)
    optimizer = torch.optim.Adagrad(model.parameters(), lr=args.lr)
    criterion = nn.CrossEntropyLoss()

    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, (seqs, lengths, targets) in enumerate(train_loader):
            logits = model(seqs.to(device), lengths)
            loss = criterion(logits, targets.to(device))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            running += loss.item()
            if step % 500 == 0:
                print(f"  epoch {epoch} step {step} loss {loss.item():.4f}")
        print(f"epoch {epoch} mean train loss {running / (step + 1):.4f}")

    recall, mrr = evaluate(model, test_loader, device)
    print(f"test Recall@20 {recall:.4f}  MRR@20 {mrr:.4f}")
    torch.save(model.state_dict(), args.out)


if __name__ == "__main__":
    main()
