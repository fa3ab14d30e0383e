import json
import random
import re
import zlib
from collections import Counter

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader

from model import BagOfNgramsClassifier

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])

TOKEN_RE = re.compile(r"[a-z0-9']+")


def tokenize(text):
    return TOKEN_RE.findall(text.lower())


train_df = pd.read_json(cfg["train_path"], lines=True)
valid_df = pd.read_json(cfg["valid_path"], lines=True)
test_df = pd.read_json(cfg["test_path"], lines=True)

labels = sorted(train_df["queue"].unique())
label2id = {l: i for i, l in enumerate(labels)}

counts = Counter(tok for text in train_df["text"] for tok in tokenize(text))
vocab = {"<unk>": 0}
for tok, c in counts.items():
    if c >= cfg["min_freq"]:
        vocab[tok] = len(vocab)


def encode(text):
    toks = tokenize(text)
    ids = [vocab.get(t, 0) for t in toks]
    ids += [len(vocab) + zlib.crc32(f"{a} {b}".encode()) % cfg["n_buckets"] for a, b in zip(toks, toks[1:])]
    return ids or [0]


def collate(batch):
    ids, offsets, ys = [], [0], []
    for text, y in batch:
        enc = encode(text)
        ids.extend(enc)
        offsets.append(offsets[-1] + len(enc))
        ys.append(y)
    return torch.tensor(ids), torch.tensor(offsets[:-1]), torch.tensor(ys)


def make_loader(df, shuffle):
    rows = list(zip(df["text"], df["queue"].map(label2id)))
    return DataLoader(rows, batch_size=cfg["batch_size"], shuffle=shuffle, collate_fn=collate)


def evaluate(model, loader):
    all_pred, all_true = [], []
    with torch.no_grad():
        for ids, offsets, y in loader:
            logits = model(ids, offsets)
            all_pred.append(logits.argmax(1))
            all_true.append(y)
    return f1_score(torch.cat(all_true), torch.cat(all_pred), average="macro")


train_loader = make_loader(train_df, shuffle=True)
valid_loader = make_loader(valid_df, shuffle=False)
test_loader = make_loader(test_df, shuffle=False)

model = BagOfNgramsClassifier(len(vocab), cfg["n_buckets"], cfg["embed_dim"], len(labels), cfg["dropout"])
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=4, gamma=0.3)

best_f1, best_state = 0.0, None
for epoch in range(cfg["epochs"]):
    model.train()
    for ids, offsets, y in train_loader:
        optimizer.zero_grad()
        loss = criterion(model(ids, offsets), y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        optimizer.step()
    scheduler.step()
    val_f1 = evaluate(model, valid_loader)
    print(f"epoch {epoch + 1:02d}  val macro-F1 {val_f1:.4f}")
    if val_f1 > best_f1:
        best_f1 = val_f1
        best_state = {k: v.clone() for k, v in model.state_dict().items()}

model.load_state_dict(best_state)
print(f"test macro-F1: {evaluate(model, test_loader):.4f}")
torch.save({"state_dict": best_state, "vocab": vocab, "labels": labels}, "bag_router.pt")
