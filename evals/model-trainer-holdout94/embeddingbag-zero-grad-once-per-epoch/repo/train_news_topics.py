"""fastText-style news topic classifier (EmbeddingBag over unigrams + bigrams)."""
import argparse
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens_with_bigrams(text):
    toks = TOKEN_RE.findall(text.lower())
    return toks + [f"{a}_{b}" for a, b in zip(toks, toks[1:])]


def build_vocab(texts, min_freq=3):
    counter = Counter(t for text in texts for t in tokens_with_bigrams(text))
    itos = ["<unk>"] + sorted(w for w, c in counter.items() if c >= min_freq)
    return {w: i for i, w in enumerate(itos)}


def make_collate(vocab):
    def collate(batch):
        ids, offsets, labels = [], [0], []
        for text, label in batch:
            idx = [vocab.get(t, 0) for t in tokens_with_bigrams(text)] or [0]
            ids.append(torch.tensor(idx, dtype=torch.long))
            offsets.append(len(idx))
            labels.append(label)
        offsets = torch.tensor(offsets[:-1]).cumsum(dim=0)
        return torch.cat(ids), offsets, torch.tensor(labels, dtype=torch.long)
    return collate


class TopicClassifier(nn.Module):
    def __init__(self, vocab_size, embed_dim, n_classes):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, embed_dim, mode="mean")
        self.fc = nn.Linear(embed_dim, n_classes)
        self.embedding.weight.data.uniform_(-0.5, 0.5)
        self.fc.weight.data.uniform_(-0.5, 0.5)
        self.fc.bias.data.zero_()

    def forward(self, ids, offsets):
        return self.fc(self.embedding(ids, offsets))


@torch.no_grad()
def predict(model, loader):
    model.eval()
    preds, gold = [], []
    for ids, offsets, labels in loader:
        preds.append(model(ids, offsets).argmax(1))
        gold.append(labels)
    return torch.cat(gold).numpy(), torch.cat(preds).numpy()


def main(args):
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    df = pd.read_csv(args.data).dropna(subset=["title", "description", "topic"])
    df["text"] = df["title"] + " . " + df["description"]
    topics = sorted(df["topic"].unique())
    df["y"] = df["topic"].map({t: i for i, t in enumerate(topics)})

    train_df, test_df = train_test_split(df, test_size=0.1, stratify=df["y"], random_state=args.seed)
    train_df, val_df = train_test_split(train_df, test_size=0.1, stratify=train_df["y"],
                                        random_state=args.seed)
    vocab = build_vocab(train_df["text"])
    collate = make_collate(vocab)

    def loader(part, shuffle):
        return DataLoader(list(zip(part["text"], part["y"])), batch_size=args.batch_size,
                          shuffle=shuffle, collate_fn=collate)

    train_dl, val_dl, test_dl = loader(train_df, True), loader(val_df, False), loader(test_df, False)
    model = TopicClassifier(len(vocab), args.embed_dim, len(topics))
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma=0.5)

    best_acc, stale = 0.0, 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        optimizer.zero_grad()
        running = 0.0
        for step, (ids, offsets, labels) in enumerate(train_dl):
            loss = criterion(model(ids, offsets), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
            optimizer.step()
            running += loss.item()
        y_val, p_val = predict(model, val_dl)
        val_acc = accuracy_score(y_val, p_val)
        print(f"epoch {epoch} loss {running / (step + 1):.4f} val_acc {val_acc:.4f} "
              f"val_macro_f1 {f1_score(y_val, p_val, average='macro'):.4f}")
        if val_acc > best_acc:
            best_acc, stale = val_acc, 0
            torch.save(model.state_dict(), args.ckpt)
        else:
            scheduler.step()
            stale += 1
            if stale >= args.patience:
                break

    model.load_state_dict(torch.load(args.ckpt))
    y_test, p_test = predict(model, test_dl)
    print(classification_report(y_test, p_test, target_names=topics, digits=3))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/news_articles.csv")
    p.add_argument("--ckpt", default="topic_embbag.pt")
    p.add_argument("--embed-dim", dest="embed_dim", type=int, default=64)
    p.add_argument("--batch-size", dest="batch_size", type=int, default=64)
    p.add_argument("--lr", type=float, default=5.0)
    p.add_argument("--epochs", type=int, default=15)
    p.add_argument("--patience", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    main(p.parse_args())
