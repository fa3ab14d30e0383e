#!/usr/bin/env python
"""LSTM theft classifier on daily consumption sequences (one sequence per meter).

Readings come from the AMI head-end export (meter_id, read_date, kwh); labels from the
revenue-protection inspection log (meter_id, theft_confirmed).
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

SEQ_LEN = 365


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def load_sequences(reads_path, labels_path):
    reads = pd.read_parquet(reads_path)
    wide = reads.pivot_table(index="meter_id", columns="read_date", values="kwh", aggfunc="sum")
    wide = wide.iloc[:, -SEQ_LEN:]
    wide = wide.ffill(axis=1).fillna(0.0)
    labels = pd.read_csv(labels_path).set_index("meter_id")["theft_confirmed"]
    wide = wide.loc[wide.index.intersection(labels.index)]
    # per-meter log scaling keeps big C&I accounts from dominating
    x = np.log1p(wide.clip(lower=0).values)
    x = x / (x.max(axis=1, keepdims=True) + 1e-6)
    return x.astype(np.float32), labels.loc[wide.index].values.astype(np.float32)


class TheftLSTM(nn.Module):
    def __init__(self, hidden=64, layers=2, dropout=0.2):
        super().__init__()
        self.lstm = nn.LSTM(1, hidden, num_layers=layers, batch_first=True,
                            dropout=dropout, bidirectional=True)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(2 * hidden, 1))

    def forward(self, x):
        out, _ = self.lstm(x.unsqueeze(-1))
        return self.head(out.mean(dim=1)).squeeze(-1)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    ps, ys = [], []
    for xb, yb in loader:
        ps.append(torch.sigmoid(model(xb.to(device))).cpu().numpy())
        ys.append(yb.numpy())
    return np.concatenate(ps), np.concatenate(ys)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reads", default="data/ami_daily_reads.parquet")
    ap.add_argument("--labels", default="data/inspection_labels.csv")
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--accum-steps", type=int, default=4)
    ap.add_argument("--lr", type=float, default=5e-4)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    seed_everything(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    X, y = load_sequences(args.reads, args.labels)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    train_dl = DataLoader(TensorDataset(torch.from_numpy(X_tr), torch.from_numpy(y_tr)),
                          batch_size=args.batch_size, shuffle=True)
    test_dl = DataLoader(TensorDataset(torch.from_numpy(X_te), torch.from_numpy(y_te)),
                         batch_size=256)

    model = TheftLSTM().to(device)
    pos_weight = torch.tensor((1 - y_tr.mean()) / y_tr.mean(), device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)

    optimizer.zero_grad()
    for epoch in range(args.epochs):
        model.train()
        running = 0.0
        for step, (xb, yb) in enumerate(train_dl):
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb) / args.accum_steps
            loss.backward()
            if (step + 1) % args.accum_steps == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
            running += loss.item() * args.accum_steps
        print(f"epoch {epoch + 1}/{args.epochs} train loss {running / len(train_dl):.4f}")

    p, t = predict(model, test_dl, device)
    print(f"test ROC-AUC {roc_auc_score(t, p):.4f}")
    print(f"test PR-AUC  {average_precision_score(t, p):.4f}")
    print(f"test F1@0.5  {f1_score(t, p >= 0.5):.4f}")
    torch.save(model.state_dict(), "theft_lstm.pt")


if __name__ == "__main__":
    main()
