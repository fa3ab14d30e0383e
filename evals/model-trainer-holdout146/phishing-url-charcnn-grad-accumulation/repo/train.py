import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from model import CharCNN, encode_url

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"


def to_tensors(frame):
    x = torch.tensor([encode_url(u, cfg["max_len"]) for u in frame["url"]], dtype=torch.long)
    y = torch.tensor(frame["is_phishing"].values, dtype=torch.float32)
    return TensorDataset(x, y)


@torch.no_grad()
def evaluate(model, loader):
    model.eval()
    scores, labels = [], []
    for xb, yb in loader:
        scores.append(torch.sigmoid(model(xb.to(device))).cpu())
        labels.append(yb)
    s, y = torch.cat(scores).numpy(), torch.cat(labels).numpy()
    return {"auc": roc_auc_score(y, s), "ap": average_precision_score(y, s), "f1": f1_score(y, s >= 0.5)}


df = pd.read_csv(cfg["data"]).drop_duplicates("url")
trainval, test = train_test_split(df, test_size=cfg["test_frac"], stratify=df["is_phishing"], random_state=cfg["seed"])
train, val = train_test_split(
    trainval, test_size=cfg["val_frac"] / (1 - cfg["test_frac"]), stratify=trainval["is_phishing"], random_state=cfg["seed"]
)

train_loader = DataLoader(to_tensors(train), batch_size=cfg["batch_size"], shuffle=True, drop_last=True)
val_loader = DataLoader(to_tensors(val), batch_size=512)
test_loader = DataLoader(to_tensors(test), batch_size=512)

model = CharCNN().to(device)
pos_weight = torch.tensor([(train["is_phishing"] == 0).sum() / (train["is_phishing"] == 1).sum()], device=device)
criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])

best_auc = 0.0
for epoch in range(cfg["epochs"]):
    model.train()
    optimizer.zero_grad()
    total = 0.0
    for step, (xb, yb) in enumerate(train_loader):
        xb, yb = xb.to(device), yb.to(device)
        loss = criterion(model(xb), yb) / cfg["accum_steps"]
        loss.backward()
        total += loss.item()
        if (step + 1) % cfg["accum_steps"] == 0:
            nn.utils.clip_grad_norm_(model.parameters(), max_norm=5.0)
            optimizer.step()

    metrics = evaluate(model, val_loader)
    print(f"epoch {epoch + 1}: train loss {total / len(train_loader):.4f} | val {metrics}")
    if metrics["auc"] > best_auc:
        best_auc = metrics["auc"]
        torch.save(model.state_dict(), cfg["ckpt"])

model.load_state_dict(torch.load(cfg["ckpt"]))
print("test:", evaluate(model, test_loader))
