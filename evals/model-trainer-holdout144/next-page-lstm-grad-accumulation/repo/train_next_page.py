"""Next-page-category model for the 'recommended next' rail.

Each training example is a window of the last `ctx_len` page categories visited in a session; the
target is the category of the next page. Windows are pre-built per day by `build_windows.py`;
train = Sep 1-21, val = Sep 22-25, test = Sep 26-30.
"""
import argparse
import math

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
np.random.seed(0)

N_CATEGORIES = 1200  # 0 = pad


class NextPageLSTM(nn.Module):
    def __init__(self, n_cat, emb=64, hidden=256, dropout=0.2):
        super().__init__()
        self.emb = nn.Embedding(n_cat, emb, padding_idx=0)
        self.lstm = nn.LSTM(emb, hidden, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden, n_cat)

    def forward(self, x):
        h, _ = self.lstm(self.emb(x))
        return self.out(self.drop(h[:, -1]))


def load_split(path):
    d = np.load(path)
    return TensorDataset(torch.from_numpy(d["context"]).long(), torch.from_numpy(d["next_cat"]).long())


@torch.no_grad()
def evaluate(model, loader, device, k=10):
    model.eval()
    hits, total, nll = 0, 0, 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        nll += nn.functional.cross_entropy(logits, y, reduction="sum").item()
        topk = logits.topk(k, dim=-1).indices
        hits += (topk == y.unsqueeze(1)).any(dim=1).sum().item()
        total += len(y)
    return hits / total, math.exp(nll / total)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=1e-3)
    args = ap.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"

    train_dl = DataLoader(load_split("windows/train.npz"), batch_size=args.batch_size, shuffle=True, drop_last=True)
    val_dl = DataLoader(load_split("windows/val.npz"), batch_size=1024)
    test_dl = DataLoader(load_split("windows/test.npz"), batch_size=1024)

    model = NextPageLSTM(N_CATEGORIES).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    steps_per_epoch = len(train_dl) // args.accum_steps
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, total_steps=args.epochs * steps_per_epoch + 1
    )
    criterion = nn.CrossEntropyLoss()

    best_hr = 0.0
    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, (x, y) in enumerate(train_dl):
            x, y = x.to(device), y.to(device)
            loss = criterion(model(x), y)
            (loss / args.accum_steps).backward()
            running += loss.item()
            if (step + 1) % args.accum_steps == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                optimizer.step()
                scheduler.step()

        hr, ppl = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: train loss {running / len(train_dl):.4f}  val HR@10 {hr:.4f}  val ppl {ppl:.1f}")
        if hr > best_hr:
            best_hr = hr
            torch.save(model.state_dict(), "next_page_lstm.pt")

    model.load_state_dict(torch.load("next_page_lstm.pt"))
    hr, ppl = evaluate(model, test_dl, device)
    print(f"test HR@10 {hr:.4f}  test ppl {ppl:.1f}")


if __name__ == "__main__":
    main()
