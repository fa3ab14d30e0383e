"""fastText-style EmbeddingBag classifier for AG News (4 classes)."""
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction.text import TfidfVectorizer

from tokenize_utils import Vocab

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"


def load(path):
    frame = pd.read_csv(path, header=None, names=["label", "title", "body"])
    frame["text"] = frame["title"] + " . " + frame["body"]
    frame["label"] -= 1
    return frame[["text", "label"]]


full_train = load(cfg["train_csv"])
test_df = load(cfg["test_csv"])
train_df, val_df = train_test_split(full_train, test_size=cfg["val_fraction"],
                                    stratify=full_train["label"], random_state=cfg["seed"])
vocab = Vocab(train_df["text"], min_freq=cfg["min_freq"], max_size=cfg["max_vocab"])
print(f"vocab={len(vocab)} train={len(train_df)} val={len(val_df)} test={len(test_df)}")


def collate(batch):
    labels, ids, offsets = [], [], [0]
    for text, label in batch:
        tok = torch.tensor(vocab.encode(text), dtype=torch.long)
        ids.append(tok)
        offsets.append(tok.numel())
        labels.append(label)
    offsets = torch.tensor(offsets[:-1]).cumsum(dim=0)
    return torch.tensor(labels), torch.cat(ids), offsets


def make_loader(frame, shuffle):
    pairs = list(zip(frame["text"], frame["label"]))
    return DataLoader(pairs, batch_size=cfg["batch_size"], shuffle=shuffle, collate_fn=collate)


train_dl, val_dl, test_dl = make_loader(train_df, True), make_loader(val_df, False), make_loader(test_df, False)


class BagClassifier(nn.Module):
    def __init__(self, vocab_size, dim, n_class):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size, dim, mode="mean")
        self.fc = nn.Linear(dim, n_class)
        self.embedding.weight.data.uniform_(-0.5, 0.5)
        self.fc.weight.data.uniform_(-0.5, 0.5)
        self.fc.bias.data.zero_()

    def forward(self, ids, offsets):
        return self.fc(self.embedding(ids, offsets))


model = BagClassifier(len(vocab), cfg["embed_dim"], 4).to(device)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, 1, gamma=cfg["gamma"])


def run_epoch(loader):
    model.train()
    seen, correct, t0 = 0, 0, time.time()
    for step, (labels, ids, offsets) in enumerate(loader):
        labels, ids, offsets = labels.to(device), ids.to(device), offsets.to(device)
        logits = model(ids, offsets)
        loss = criterion(logits, labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        optimizer.step()
        correct += (logits.argmax(1) == labels).sum().item()
        seen += labels.size(0)
        if step % 500 == 0 and step:
            print(f"  step {step:5d} train_acc {correct / seen:.3f} ({time.time() - t0:.0f}s)")


@torch.no_grad()
def predict(loader):
    model.eval()
    ys, ps = [], []
    for labels, ids, offsets in loader:
        ps.append(model(ids.to(device), offsets.to(device)).argmax(1).cpu())
        ys.append(labels)
    return torch.cat(ys).numpy(), torch.cat(ps).numpy()


Path(cfg["ckpt"]).parent.mkdir(parents=True, exist_ok=True)
best_f1, stale = -1.0, 0
for epoch in range(1, cfg["epochs"] + 1):
    run_epoch(train_dl)
    y_val, p_val = predict(val_dl)
    val_f1 = f1_score(y_val, p_val, average="macro")
    print(f"epoch {epoch} val_acc {accuracy_score(y_val, p_val):.4f} val_macro_f1 {val_f1:.4f}")
    if val_f1 > best_f1:
        best_f1, stale = val_f1, 0
        torch.save(model.state_dict(), cfg["ckpt"])
    else:
        stale += 1
        scheduler.step()
        if stale >= cfg["patience"]:
            break

# reference point: tf-idf + logistic regression on the same split
tfidf = TfidfVectorizer(min_df=cfg["min_freq"], ngram_range=(1, 2), max_features=200_000)
lr_clf = LogisticRegression(max_iter=1000, C=5.0).fit(tfidf.fit_transform(train_df["text"]), train_df["label"])
base_pred = lr_clf.predict(tfidf.transform(test_df["text"]))
print(f"baseline tfidf+lr test acc {accuracy_score(test_df['label'], base_pred):.4f} "
      f"macro_f1 {f1_score(test_df['label'], base_pred, average='macro'):.4f}")

model.load_state_dict(torch.load(cfg["ckpt"], map_location=device))
y_test, p_test = predict(test_dl)
print(f"bag model test acc {accuracy_score(y_test, p_test):.4f} "
      f"macro_f1 {f1_score(y_test, p_test, average='macro'):.4f}")
