"""Train a TextCNN that routes consumer complaints to a product group."""
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from textcnn.model import TextCNN
from textcnn.vocab import Vocab

with open("config.yaml") as fh:
    cfg = yaml.safe_load(fh)

random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

dcfg = cfg["data"]
df = pd.read_csv(dcfg["csv"]).dropna(subset=[dcfg["text_col"], dcfg["label_col"]])
classes = sorted(df[dcfg["label_col"]].unique())
df["y"] = df[dcfg["label_col"]].map({c: i for i, c in enumerate(classes)})

train_df, rest = train_test_split(df, test_size=0.3, stratify=df["y"], random_state=cfg["seed"])
val_df, test_df = train_test_split(rest, test_size=0.5, stratify=rest["y"], random_state=cfg["seed"])
vocab = Vocab(train_df[dcfg["text_col"]], min_freq=dcfg["min_freq"])


def to_loader(frame, shuffle):
    X = torch.tensor([vocab.encode(t, dcfg["max_len"]) for t in frame[dcfg["text_col"]]])
    y = torch.tensor(frame["y"].values)
    return DataLoader(TensorDataset(X, y), batch_size=cfg["train"]["batch_size"], shuffle=shuffle)


train_dl, val_dl, test_dl = to_loader(train_df, True), to_loader(val_df, False), to_loader(test_df, False)

mcfg = cfg["model"]
model = TextCNN(len(vocab), mcfg["embed_dim"], mcfg["kernel_sizes"], mcfg["num_filters"],
                len(classes), mcfg["dropout"]).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"])
criterion = nn.CrossEntropyLoss()


def evaluate(loader):
    preds, labels, total_loss = [], [], 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        total_loss += criterion(logits, yb).item() * len(yb)
        preds.append(logits.argmax(1).cpu().numpy())
        labels.append(yb.cpu().numpy())
    preds, labels = np.concatenate(preds), np.concatenate(labels)
    return total_loss / len(labels), f1_score(labels, preds, average="macro"), accuracy_score(labels, preds)


best_f1, bad_epochs = -1.0, 0
for epoch in range(cfg["train"]["epochs"]):
    model.train()
    for xb, yb in train_dl:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
    val_loss, val_f1, val_acc = evaluate(val_dl)
    print(f"epoch {epoch:02d} val_loss={val_loss:.4f} val_macro_f1={val_f1:.4f} val_acc={val_acc:.4f}")
    if val_f1 > best_f1:
        best_f1, bad_epochs = val_f1, 0
        torch.save(model.state_dict(), cfg["train"]["checkpoint"])
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["train"]["patience"]:
            break

model.load_state_dict(torch.load(cfg["train"]["checkpoint"]))
test_loss, test_f1, test_acc = evaluate(test_dl)
majority = train_df["y"].mode()[0]
print(f"test macro-F1={test_f1:.4f} acc={test_acc:.4f} | majority acc={(test_df['y'] == majority).mean():.4f}")
