import argparse

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader

from sequences import SEQ_FEATURES, MatchSequenceDataset, build_histories


class SiameseGRU(nn.Module):
    def __init__(self, n_in, hidden=64):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, batch_first=True)
        self.head = nn.Sequential(nn.Linear(2 * hidden, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 3))

    def forward(self, home, away):
        _, h_home = self.gru(home)
        _, h_away = self.gru(away)
        return self.head(torch.cat([h_home[-1], h_away[-1]], dim=1))


def run_eval(model, loader):
    model.eval()
    nll, correct, n = 0.0, 0, 0
    with torch.no_grad():
        for home, away, y in loader:
            logits = model(home, away)
            nll += nn.functional.cross_entropy(logits, y, reduction="sum").item()
            correct += (logits.argmax(1) == y).sum().item()
            n += len(y)
    return nll / n, correct / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seq-len", type=int, default=10)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--lr", type=float, default=3e-4)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    matches = pd.read_csv("data/matches.csv", parse_dates=["date"])
    team_matches = pd.read_csv("data/team_matches.csv", parse_dates=["date"])
    hist = build_histories(team_matches, args.seq_len)

    train_m = matches[matches.date < "2022-07-01"]
    val_m = matches[(matches.date >= "2022-07-01") & (matches.date < "2023-07-01")]
    test_m = matches[matches.date >= "2023-07-01"]

    tm_train = team_matches[team_matches.date < "2022-07-01"]
    mean = tm_train[SEQ_FEATURES].mean().to_numpy(dtype=np.float32)
    std = tm_train[SEQ_FEATURES].std().to_numpy(dtype=np.float32) + 1e-6

    train_dl = DataLoader(MatchSequenceDataset(train_m, hist, mean, std), batch_size=128, shuffle=True)
    val_dl = DataLoader(MatchSequenceDataset(val_m, hist, mean, std), batch_size=512)
    test_dl = DataLoader(MatchSequenceDataset(test_m, hist, mean, std), batch_size=512)

    model = SiameseGRU(len(SEQ_FEATURES))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()

    best_val = float("inf")
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        running = 0.0
        for home, away, y in train_dl:
            loss = loss_fn(model(home, away), y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            running += loss.item() * len(y)
        val_nll, val_acc = run_eval(model, val_dl)
        print(f"epoch {epoch:02d}  train_nll {running / len(train_dl.dataset):.4f}  "
              f"val_nll {val_nll:.4f}  val_acc {val_acc:.3f}")
        if val_nll < best_val:
            best_val = val_nll
            torch.save(model.state_dict(), "gru_best.pt")

    model.load_state_dict(torch.load("gru_best.pt"))
    test_nll, test_acc = run_eval(model, test_dl)
    print(f"test  nll {test_nll:.4f}  acc {test_acc:.3f}")


if __name__ == "__main__":
    main()
