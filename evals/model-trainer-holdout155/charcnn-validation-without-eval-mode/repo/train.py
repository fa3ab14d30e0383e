import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from data import CHAR2ID, TxnDataset
from model import CharCNN

p = argparse.ArgumentParser()
p.add_argument("--data", default="data/txn_train.parquet")
p.add_argument("--epochs", type=int, default=15)
p.add_argument("--bs", type=int, default=512)
p.add_argument("--lr", type=float, default=2e-3)
p.add_argument("--seed", type=int, default=0)
args = p.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

df = pd.read_parquet(args.data).dropna(subset=["description", "category"])
labels = sorted(df["category"].unique())
label2id = {c: i for i, c in enumerate(labels)}

# customers: 70 train / 15 val / 15 test
outer = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
dev_idx, test_idx = next(outer.split(df, groups=df["customer_id"]))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]
inner = GroupShuffleSplit(n_splits=1, test_size=0.15 / 0.85, random_state=args.seed)
tr_idx, va_idx = next(inner.split(dev, groups=dev["customer_id"]))
train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

train_dl = DataLoader(TxnDataset(train, label2id), batch_size=args.bs, shuffle=True)
val_dl = DataLoader(TxnDataset(val, label2id), batch_size=2048)
test_dl = DataLoader(TxnDataset(test, label2id), batch_size=2048)

model = CharCNN(vocab_size=len(CHAR2ID) + 2, n_classes=len(labels)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
criterion = nn.CrossEntropyLoss(label_smoothing=0.05)


@torch.no_grad()
def evaluate(loader):
    preds, ys = [], []
    for chars, num, y in loader:
        logits = model(chars.to(device), num.to(device))
        preds.append(logits.argmax(1).cpu())
        ys.append(y)
    return f1_score(torch.cat(ys), torch.cat(preds), average="macro")


best_f1, bad_epochs = -1.0, 0
for epoch in range(args.epochs):
    model.train()
    running = 0.0
    for chars, num, y in train_dl:
        opt.zero_grad()
        loss = criterion(model(chars.to(device), num.to(device)), y.to(device))
        loss.backward()
        opt.step()
        running += loss.item() * len(y)
    val_f1 = evaluate(val_dl)
    print(f"epoch {epoch:02d} loss {running / len(train_dl.dataset):.4f} val macro-F1 {val_f1:.4f}")
    if val_f1 > best_f1:
        best_f1, bad_epochs = val_f1, 0
        torch.save(model.state_dict(), "charcnn_best.pt")
    else:
        bad_epochs += 1
        if bad_epochs >= 3:
            break

model.load_state_dict(torch.load("charcnn_best.pt"))
print(f"best val macro-F1 {best_f1:.4f} | test macro-F1 {evaluate(test_dl):.4f}")
