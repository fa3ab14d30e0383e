import argparse
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import f1_score, recall_score
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from dataset import LogMelDataset, crema_index
from model import EmotionCNN

ap = argparse.ArgumentParser()
ap.add_argument("--root", default="data/CREMA-D/AudioWAV")
ap.add_argument("--epochs", type=int, default=40)
ap.add_argument("--lr", type=float, default=1e-3)
ap.add_argument("--bs", type=int, default=64)
ap.add_argument("--seed", type=int, default=0)
args = ap.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

df = crema_index(args.root)
# speaker-independent: test actors, then validation actors from the remainder
gss = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
dev_idx, test_idx = next(gss.split(df, df.label, df.actor))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]
gss_val = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=args.seed)
tr_idx, va_idx = next(gss_val.split(dev, dev.label, dev.actor))
train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

train_dl = DataLoader(LogMelDataset(train, train=True), batch_size=args.bs, shuffle=True, num_workers=4)
val_dl = DataLoader(LogMelDataset(val), batch_size=args.bs, num_workers=4)
test_dl = DataLoader(LogMelDataset(test), batch_size=args.bs, num_workers=4)

model = EmotionCNN(n_classes=6).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.epochs * len(train_dl))
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)


def evaluate(loader):
    preds, targets = [], []
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device))
            preds.append(logits.argmax(1).cpu())
            targets.append(y)
    preds, targets = torch.cat(preds).numpy(), torch.cat(targets).numpy()
    return recall_score(targets, preds, average="macro"), f1_score(targets, preds, average="macro")


best_uar = 0.0
for epoch in range(args.epochs):
    model.train()
    running = 0.0
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        loss = criterion(model(x), y)
        loss.backward()
        opt.step()
        sched.step()
        running += loss.item() * x.size(0)
    val_uar, val_f1 = evaluate(val_dl)
    print(f"epoch {epoch:02d} loss {running / len(train_dl.dataset):.4f} val UAR {val_uar:.4f} F1 {val_f1:.4f}")
    if val_uar > best_uar:
        best_uar = val_uar
        torch.save(model.state_dict(), "best_cnn.pt")

model.load_state_dict(torch.load("best_cnn.pt"))
test_uar, test_f1 = evaluate(test_dl)
print(f"TEST UAR {test_uar:.4f}  macro-F1 {test_f1:.4f}")
