"""Predict whether a code-review comment is useful (led to a change in the next patch set).

Labels from the Bosu et al. heuristic on Gerrit review threads. Small BiGRU over word tokens.
"""
import argparse
import random
import re
from collections import Counter

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+|[^\sA-Za-z0-9]")
PAD, UNK = 0, 1


def tokenize(text):
    return TOKEN.findall(str(text).lower())


def build_vocab(texts, min_freq=2, max_size=30000):
    counts = Counter(tok for t in texts for tok in tokenize(t))
    itos = ["<pad>", "<unk>"] + [w for w, c in counts.most_common(max_size) if c >= min_freq]
    return {w: i for i, w in enumerate(itos)}


def encode(texts, vocab, max_len=64):
    ids = np.zeros((len(texts), max_len), dtype=np.int64)
    for i, t in enumerate(texts):
        toks = [vocab.get(w, UNK) for w in tokenize(t)][:max_len]
        ids[i, : len(toks)] = toks
    return torch.from_numpy(ids)


class CommentGRU(nn.Module):
    def __init__(self, vocab_size, emb=128, hidden=128, dropout=0.3):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb, padding_idx=PAD)
        self.gru = nn.GRU(emb, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(2 * hidden, 1)

    def forward(self, x):
        h, _ = self.gru(self.emb(x))
        mask = (x != PAD).unsqueeze(-1).float()
        pooled = (h * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.out(self.drop(pooled)).squeeze(-1)


def predict(model, loader, device):
    model.eval()
    probs = []
    with torch.no_grad():
        for xb, _ in loader:
            probs.append(torch.sigmoid(model(xb.to(device))).cpu())
    return torch.cat(probs).numpy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/gerrit_review_comments.csv")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(args.data, usecols=["comment_id", "message", "useful"]).dropna()
    tr, te = train_test_split(df, test_size=0.2, stratify=df["useful"], random_state=args.seed)
    tr, va = train_test_split(tr, test_size=0.1, stratify=tr["useful"], random_state=args.seed)

    vocab = build_vocab(tr["message"])
    mk = lambda d: TensorDataset(encode(d["message"].tolist(), vocab),
                                 torch.tensor(d["useful"].values, dtype=torch.float))
    train_dl = DataLoader(mk(tr), batch_size=64, shuffle=True)
    val_dl = DataLoader(mk(va), batch_size=256)
    test_dl = DataLoader(mk(te), batch_size=256)

    model = CommentGRU(len(vocab)).to(device)
    pos_weight = torch.tensor([(tr["useful"] == 0).sum() / (tr["useful"] == 1).sum()])
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight.to(device))
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    optimizer.zero_grad()

    best_auc, best_state = 0.0, None
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total += loss.item() * len(xb)
        val_auc = roc_auc_score(va["useful"], predict(model, val_dl, device))
        print(f"epoch {epoch + 1}: train_loss={total / len(tr):.4f} val_auc={val_auc:.4f}")
        if val_auc > best_auc:
            best_auc = val_auc
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    p = predict(model, test_dl, device)
    print(f"test AUC={roc_auc_score(te['useful'], p):.4f}  F1={f1_score(te['useful'], p > 0.5):.4f}")


if __name__ == "__main__":
    main()
