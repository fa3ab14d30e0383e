"""AG News topic classification with a fastText-style EmbeddingBag model.

Large effective batch via gradient accumulation (my laptop GPU only fits 64 docs).
    python train_bag.py --epochs 15 --accum 4
"""
import argparse
import collections
import os
import random
import re

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

TOKEN_RE = re.compile(r"[a-z0-9']+")


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


def build_vocab(texts, min_count=3):
    counts = collections.Counter(tok for t in texts for tok in tokenize(t))
    itos = ["<unk>"] + sorted(w for w, c in counts.items() if c >= min_count)
    return {w: i for i, w in enumerate(itos)}


class BagModel(nn.Module):
    def __init__(self, vocab_size, dim, n_classes):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab_size, dim, mode="mean")
        self.drop = nn.Dropout(0.2)
        self.out = nn.Linear(dim, n_classes)

    def forward(self, ids, offsets):
        return self.out(self.drop(self.emb(ids, offsets)))


def make_collate(vocab):
    def collate(batch):
        ids, offsets, labels = [], [0], []
        for text, label in batch:
            toks = [vocab.get(t, 0) for t in tokenize(text)] or [0]
            ids.append(torch.tensor(toks, dtype=torch.long))
            offsets.append(offsets[-1] + len(toks))
            labels.append(label)
        return torch.cat(ids), torch.tensor(offsets[:-1]), torch.tensor(labels)
    return collate


def run_eval(model, loader, device):
    model.train(False)
    preds, gold = [], []
    with torch.inference_mode():
        for ids, offsets, y in loader:
            logits = model(ids.to(device), offsets.to(device))
            preds.append(logits.argmax(-1).cpu())
            gold.append(y)
    preds, gold = torch.cat(preds).numpy(), torch.cat(gold).numpy()
    return accuracy_score(gold, preds), f1_score(gold, preds, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/ag_news")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--accum", type=int, default=4)
    ap.add_argument("--lr", type=float, default=5e-3)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    seed_everything(args.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    full = pd.read_csv(f"{args.data}/train.csv", names=["label", "title", "desc"])
    test = pd.read_csv(f"{args.data}/test.csv", names=["label", "title", "desc"])
    for d in (full, test):
        d["text"] = d["title"] + " " + d["desc"]
        d["label"] -= 1
    tr, va = train_test_split(full, test_size=0.1, stratify=full["label"], random_state=args.seed)

    vocab = build_vocab(tr["text"])
    collate = make_collate(vocab)
    as_pairs = lambda d: list(zip(d["text"], d["label"]))
    g = torch.Generator().manual_seed(args.seed)
    train_dl = DataLoader(as_pairs(tr), batch_size=64, shuffle=True, collate_fn=collate, generator=g)
    val_dl = DataLoader(as_pairs(va), batch_size=512, collate_fn=collate)
    test_dl = DataLoader(as_pairs(test), batch_size=512, collate_fn=collate)

    majority = tr["label"].mode()[0]
    print("majority-class val acc", (va["label"] == majority).mean())

    model = BagModel(len(vocab), 128, 4).to(device)
    optim = torch.optim.Adam(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    best_f1, stale, ckpt = -1.0, 0, "checkpoints/bag_best.pt"
    os.makedirs("checkpoints", exist_ok=True)

    for epoch in range(args.epochs):
        model.train()
        for step, (ids, offsets, y) in enumerate(train_dl):
            loss = loss_fn(model(ids.to(device), offsets.to(device)), y.to(device)) / args.accum
            loss.backward()
            if (step + 1) % args.accum == 0 or step + 1 == len(train_dl):
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optim.step()
                optim.zero_grad(set_to_none=True)
        val_acc, val_f1 = run_eval(model, val_dl, device)
        print(f"epoch {epoch + 1}: val acc {val_acc:.4f} macro-F1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1, stale = val_f1, 0
            torch.save(model.state_dict(), ckpt)
        else:
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device))
    test_acc, test_f1 = run_eval(model, test_dl, device)
    print(f"test acc {test_acc:.4f}  macro-F1 {test_f1:.4f}")


if __name__ == "__main__":
    main()
