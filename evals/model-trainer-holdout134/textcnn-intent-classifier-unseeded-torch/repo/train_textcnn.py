"""Kim-style TextCNN intent classifier for the telco support assistant (SNIPS-like CSV)."""
import argparse
import json
import re
from collections import Counter

import pandas as pd
import torch
import torch.nn as nn
import torch.nn.functional as F
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

TOKEN_RE = re.compile(r"[a-z0-9']+")
MAX_LEN = 40


class TextCNN(nn.Module):
    def __init__(self, vocab_size, n_classes, emb_dim=128, n_filters=100, kernel_sizes=(2, 3, 4), dropout=0.5):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList([nn.Conv1d(emb_dim, n_filters, k) for k in kernel_sizes])
        self.drop = nn.Dropout(dropout)
        self.fc = nn.Linear(n_filters * len(kernel_sizes), n_classes)

    def forward(self, x):
        e = self.emb(x).transpose(1, 2)
        pooled = [F.relu(conv(e)).max(dim=2).values for conv in self.convs]
        return self.fc(self.drop(torch.cat(pooled, dim=1)))


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


def encode(texts, stoi):
    ids = torch.zeros(len(texts), MAX_LEN, dtype=torch.long)
    for i, t in enumerate(texts):
        toks = [stoi.get(w, 1) for w in tokenize(t)][:MAX_LEN]
        if toks:
            ids[i, : len(toks)] = torch.tensor(toks)
    return ids


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    preds, gold = [], []
    for x, y in loader:
        preds += model(x).argmax(1).tolist()
        gold += y.tolist()
    return f1_score(gold, preds, average="macro")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/telco_intents.csv")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--lr", type=float, default=1e-3)
    args = ap.parse_args()

    df = pd.read_csv(args.data)  # text, intent
    labels = sorted(df["intent"].unique())
    df["y"] = df["intent"].map({l: i for i, l in enumerate(labels)})

    trval, test = train_test_split(df, test_size=0.15, stratify=df["y"], random_state=42)
    train, val = train_test_split(trval, test_size=0.15, stratify=trval["y"], random_state=42)

    counts = Counter(w for t in train["text"] for w in tokenize(t))
    itos = ["<pad>", "<unk>"] + [w for w, c in counts.most_common() if c >= 2]
    stoi = {w: i for i, w in enumerate(itos)}

    def loader(frame, shuffle):
        ds = TensorDataset(encode(frame["text"].tolist(), stoi), torch.tensor(frame["y"].values))
        return DataLoader(ds, batch_size=64, shuffle=shuffle)

    train_dl, val_dl, test_dl = loader(train, True), loader(val, False), loader(test, False)

    model = TextCNN(len(itos), len(labels))
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    best_f1, best_state = -1.0, None
    for epoch in range(args.epochs):
        model.train()
        for x, y in train_dl:
            opt.zero_grad()
            loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
        val_f1 = evaluate(model, val_dl)
        print(f"epoch {epoch + 1:2d}  loss {loss.item():.4f}  val macro-F1 {val_f1:.4f}")
        if val_f1 > best_f1:
            best_f1 = val_f1
            best_state = {k: v.clone() for k, v in model.state_dict().items()}

    model.load_state_dict(best_state)
    test_f1 = evaluate(model, test_dl)
    print(f"test macro-F1 {test_f1:.4f} (best val {best_f1:.4f})")
    torch.save({"state_dict": best_state, "itos": itos, "labels": labels}, "textcnn_intent.pt")
    with open("metrics.json", "w") as f:
        json.dump({"val_macro_f1": best_f1, "test_macro_f1": test_f1}, f)


if __name__ == "__main__":
    main()
