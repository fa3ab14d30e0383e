"""Kim-style TextCNN for news topic classification (world / sports / business / sci-tech)."""
import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

TOKEN_RE = re.compile(r"[a-z0-9']+")


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


def build_vocab(texts, max_size=50000, min_freq=2):
    counts = Counter(tok for t in texts for tok in tokenize(t))
    itos = ["<pad>", "<unk>"] + [w for w, c in counts.most_common(max_size) if c >= min_freq]
    return {w: i for i, w in enumerate(itos)}


def encode(texts, vocab, max_len=120):
    out = np.zeros((len(texts), max_len), dtype=np.int64)
    for i, t in enumerate(texts):
        ids = [vocab.get(tok, 1) for tok in tokenize(t)][:max_len]
        out[i, : len(ids)] = ids
    return torch.from_numpy(out)


class TextCNN(nn.Module):
    def __init__(self, vocab_size, n_classes, emb_dim=128, n_filters=100, sizes=(3, 4, 5), dropout=0.5):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList(nn.Conv1d(emb_dim, n_filters, k) for k in sizes)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(n_filters * len(sizes), n_classes)

    def forward(self, x):
        e = self.emb(x).transpose(1, 2)
        pooled = [F.relu(conv(e)).max(dim=2).values for conv in self.convs]
        return self.fc(self.dropout(torch.cat(pooled, dim=1)))


def predict(model, loader, device):
    model.eval()
    preds, losses = [], []
    with torch.no_grad():
        for xb, yb in loader:
            logits = model(xb.to(device))
            losses.append(F.cross_entropy(logits, yb.to(device)).item())
            preds.append(logits.argmax(1).cpu())
    return torch.cat(preds).numpy(), float(np.mean(losses))


def main(args):
    set_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    df = pd.read_csv(args.data)
    df["text"] = df["title"].fillna("") + " . " + df["description"].fillna("")
    labels = sorted(df["topic"].unique())
    y = df["topic"].map({l: i for i, l in enumerate(labels)}).to_numpy()

    tr_idx, te_idx = train_test_split(np.arange(len(df)), test_size=0.15, stratify=y, random_state=args.seed)
    tr_idx, va_idx = train_test_split(tr_idx, test_size=0.15, stratify=y[tr_idx], random_state=args.seed)
    vocab = build_vocab(df["text"].iloc[tr_idx])

    def loader(idx, shuffle):
        ds = TensorDataset(encode(df["text"].iloc[idx].tolist(), vocab), torch.from_numpy(y[idx]))
        return DataLoader(ds, batch_size=args.batch_size, shuffle=shuffle)

    train_dl, val_dl, test_dl = loader(tr_idx, True), loader(va_idx, False), loader(te_idx, False)

    model = TextCNN(len(vocab), len(labels)).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    best_val, bad, ckpt = float("inf"), 0, Path(args.out) / "textcnn.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    for epoch in range(args.epochs):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for xb, yb in train_dl:
            logits = model(xb.to(device))
            loss = F.cross_entropy(logits, yb.to(device))
            loss.backward()
            optimizer.step()
            running += loss.item()
        val_pred, val_loss = predict(model, val_dl, device)
        val_f1 = f1_score(y[va_idx], val_pred, average="macro")
        print(f"epoch {epoch} train_loss={running / len(train_dl):.4f} val_loss={val_loss:.4f} val_f1={val_f1:.4f}")
        if val_loss < best_val:
            best_val, bad = val_loss, 0
            torch.save(model.state_dict(), ckpt)
        else:
            bad += 1
            if bad >= args.patience:
                break

    model.load_state_dict(torch.load(ckpt))
    test_pred, _ = predict(model, test_dl, device)
    majority = np.bincount(y[tr_idx]).argmax()
    report = {
        "majority_acc": accuracy_score(y[te_idx], np.full(len(te_idx), majority)),
        "acc": accuracy_score(y[te_idx], test_pred),
        "macro_f1": f1_score(y[te_idx], test_pred, average="macro"),
    }
    print(json.dumps(report, indent=2))
    print(classification_report(y[te_idx], test_pred, target_names=labels, digits=3))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/news_topics.csv")
    p.add_argument("--out", default="checkpoints")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--patience", type=int, default=3)
    main(p.parse_args())
