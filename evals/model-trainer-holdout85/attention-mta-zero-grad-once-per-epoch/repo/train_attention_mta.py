"""Attention-based multi-touch attribution.

A GRU reads each user's touchpoint sequence; attention weights over touches of
converted journeys are summed per channel to produce attribution shares, which
are compared against last-touch credit.
"""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset

CHANNELS = ["paid_search", "paid_social", "display", "video", "email", "affiliate", "direct"]
CH2ID = {c: i + 1 for i, c in enumerate(CHANNELS)}
MAX_TOUCHES = 30


class JourneyDataset(Dataset):
    def __init__(self, journeys):
        self.seqs = [torch.tensor([CH2ID[c] for c in chs][-MAX_TOUCHES:]) for chs in journeys["channels"]]
        self.gaps = [torch.tensor(g[-MAX_TOUCHES:], dtype=torch.float32) for g in journeys["hours_since_prev"]]
        self.y = torch.tensor(journeys["converted"].to_numpy(), dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.seqs[i], self.gaps[i], self.y[i]


def collate(batch):
    seqs, gaps, ys = zip(*batch)
    lengths = torch.tensor([len(s) for s in seqs])
    seqs = pad_sequence(seqs, batch_first=True)
    gaps = pad_sequence(gaps, batch_first=True)
    mask = torch.arange(seqs.size(1))[None, :] < lengths[:, None]
    return seqs, gaps, mask, torch.stack(ys)


class AttentionMTA(nn.Module):
    def __init__(self, n_channels, emb_dim=32, hidden=64, dropout=0.2):
        super().__init__()
        self.emb = nn.Embedding(n_channels + 1, emb_dim, padding_idx=0)
        self.gru = nn.GRU(emb_dim + 1, hidden, batch_first=True)
        self.attn = nn.Linear(hidden, 1)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden, 1)

    def forward(self, seqs, gaps, mask):
        x = torch.cat([self.emb(seqs), torch.log1p(gaps).unsqueeze(-1)], dim=-1)
        h, _ = self.gru(x)
        scores = self.attn(h).squeeze(-1).masked_fill(~mask, -1e9)
        weights = torch.softmax(scores, dim=1)
        context = (weights.unsqueeze(-1) * h).sum(dim=1)
        return self.out(self.drop(context)).squeeze(-1), weights


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    probs, labels = [], []
    for seqs, gaps, mask, y in loader:
        logits, _ = model(seqs, gaps, mask)
        probs.append(torch.sigmoid(logits))
        labels.append(y)
    probs, labels = torch.cat(probs).numpy(), torch.cat(labels).numpy()
    return roc_auc_score(labels, probs), average_precision_score(labels, probs)


@torch.no_grad()
def attention_credit(model, loader):
    model.eval()
    credit = np.zeros(len(CHANNELS) + 1)
    for seqs, gaps, mask, y in loader:
        _, weights = model(seqs, gaps, mask)
        converted = y.bool()
        for s, w in zip(seqs[converted], weights[converted]):
            np.add.at(credit, s.numpy(), w.numpy())
    credit = credit[1:]
    return dict(zip(CHANNELS, np.round(credit / credit.sum(), 4)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/journeys_2024.jsonl")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--patience", type=int, default=4)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    set_seed(args.seed)

    journeys = pd.read_json(args.data, lines=True)
    train_df, test_df = train_test_split(
        journeys, test_size=0.2, stratify=journeys["converted"], random_state=args.seed
    )
    train_df, val_df = train_test_split(
        train_df, test_size=0.15, stratify=train_df["converted"], random_state=args.seed
    )
    train_loader = DataLoader(JourneyDataset(train_df), batch_size=256, shuffle=True, collate_fn=collate)
    val_loader = DataLoader(JourneyDataset(val_df), batch_size=1024, collate_fn=collate)
    test_loader = DataLoader(JourneyDataset(test_df), batch_size=1024, collate_fn=collate)

    model = AttentionMTA(len(CHANNELS))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    rate = train_df["converted"].mean()
    criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - rate) / rate))
    ckpt = Path("checkpoints/attention_mta.pt")
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best_ap, bad_epochs = -1.0, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        total = 0.0
        optimizer.zero_grad()
        for seqs, gaps, mask, y in train_loader:
            logits, _ = model(seqs, gaps, mask)
            loss = criterion(logits, y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            total += loss.item() * len(y)
        val_auc, val_ap = evaluate(model, val_loader)
        print(f"epoch {epoch:02d} loss={total / len(train_df):.4f} val_auc={val_auc:.4f} val_ap={val_ap:.4f}")
        if val_ap > best_ap:
            best_ap, bad_epochs = val_ap, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad_epochs += 1
            if bad_epochs >= args.patience:
                break

    model.load_state_dict(torch.load(ckpt))
    test_auc, test_ap = evaluate(model, test_loader)
    print(f"test AUC={test_auc:.4f} AP={test_ap:.4f} (random-ranking AP = {test_df['converted'].mean():.4f})")

    attention = attention_credit(model, test_loader)
    converted = test_df[test_df["converted"] == 1]
    last_touch = converted["channels"].str[-1].value_counts(normalize=True).reindex(CHANNELS, fill_value=0)
    report = pd.DataFrame({"attention": pd.Series(attention), "last_touch": last_touch.round(4)})
    print(report.sort_values("attention", ascending=False))
    Path("reports").mkdir(exist_ok=True)
    Path("reports/attribution.json").write_text(json.dumps(report.to_dict(), indent=2))


if __name__ == "__main__":
    main()
