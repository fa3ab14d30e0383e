"""GRU churn model on 26 weeks of product usage for the fitness-app subscriber base."""
import argparse

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader

from sequences import CHANNELS, SeqDataset, build_sequences

STATIC = ["age", "tenure_weeks", "annual_plan", "price_paid", "has_wearable"]


class ChurnGRU(nn.Module):
    def __init__(self, n_channels, n_static, hidden=64):
        super().__init__()
        self.gru = nn.GRU(n_channels, hidden, num_layers=2, batch_first=True, dropout=0.2)
        self.head = nn.Sequential(nn.Linear(hidden + n_static, 64), nn.ReLU(), nn.Dropout(0.2), nn.Linear(64, 1))

    def forward(self, seq, static):
        _, h = self.gru(seq)
        return self.head(torch.cat([h[-1], static], dim=1)).squeeze(1)


@torch.no_grad()
def score(model, loader):
    model.eval()
    out, ys = [], []
    for seq, static, y in loader:
        out.append(torch.sigmoid(model(seq, static)))
        ys.append(y)
    return torch.cat(out).numpy(), torch.cat(ys).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=26)
    ap.add_argument("--epochs", type=int, default=40)
    ap.add_argument("--patience", type=int, default=5)
    ap.add_argument("--seed", type=int, default=21)
    args = ap.parse_args()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    labels = pd.read_parquet("data/snapshot_2024-05-01_labels.parquet")
    weekly = pd.read_parquet("data/weekly_usage_to_2024-05-01.parquet")
    seqs, _, y = build_sequences(weekly, labels, args.weeks)
    idx = np.arange(len(y))
    tr, te = train_test_split(idx, test_size=0.2, stratify=y, random_state=args.seed)
    tr, va = train_test_split(tr, test_size=0.15, stratify=y[tr], random_state=args.seed)

    scaler = StandardScaler().fit(labels.iloc[tr][STATIC])
    static = scaler.transform(labels[STATIC]).astype(np.float32)
    loaders = {
        name: DataLoader(SeqDataset(seqs[ix], static[ix], y[ix]), batch_size=256, shuffle=(name == "train"))
        for name, ix in [("train", tr), ("valid", va), ("test", te)]
    }

    model = ChurnGRU(len(CHANNELS), len(STATIC))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    best, wait = -np.inf, 0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad()
        running = 0.0
        for seq, stat, target in loaders["train"]:
            loss = loss_fn(model(seq, stat), target)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            running += loss.item() * len(target)
        p_va, y_va = score(model, loaders["valid"])
        val_ap = average_precision_score(y_va, p_va)
        print(f"epoch {epoch} train_loss {running / len(tr):.4f} val_pr_auc {val_ap:.4f}")
        if val_ap > best:
            best, wait = val_ap, 0
            torch.save(model.state_dict(), "checkpoints/churn_gru.pt")
        else:
            wait += 1
            if wait >= args.patience:
                break

    model.load_state_dict(torch.load("checkpoints/churn_gru.pt"))
    p_te, y_te = score(model, loaders["test"])
    agg = np.concatenate([seqs[:, -4:].mean(axis=1), seqs[:, -12:].mean(axis=1), static], axis=1)
    base = LogisticRegression(max_iter=2000).fit(agg[tr], y[tr])
    p_base = base.predict_proba(agg[te])[:, 1]
    print(f"GRU    test ROC-AUC {roc_auc_score(y_te, p_te):.4f}  PR-AUC {average_precision_score(y_te, p_te):.4f}")
    print(f"LogReg test ROC-AUC {roc_auc_score(y[te], p_base):.4f}  PR-AUC {average_precision_score(y[te], p_base):.4f}")


if __name__ == "__main__":
    main()
