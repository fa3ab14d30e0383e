"""Train the embedding MLP fraud scorer on monthly transaction partitions."""
import json
import os
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader

from fraudnet.data import Encoders, TxDataset, load_months
from fraudnet.model import FraudNet

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

train_df = load_months(cfg["data_dir"], cfg["train_months"])
val_df = load_months(cfg["data_dir"], [cfg["val_month"]])
test_df = load_months(cfg["data_dir"], [cfg["test_month"]])
target, cat_cols = cfg["target"], cfg["categorical"]
num_cols = [c for c in train_df.columns if c not in cat_cols + [target, "tx_id", "card_id", "event_ts"]]

enc = Encoders(cat_cols, num_cols).fit(train_df)
splits = {name: (*enc.transform(df), df[target].values) for name, df in
          [("train", train_df), ("val", val_df), ("test", test_df)]}
loaders = {name: DataLoader(TxDataset(*arrs), batch_size=cfg["batch_size"], shuffle=(name == "train"))
           for name, arrs in splits.items()}

model = FraudNet([len(enc.vocab[c]) for c in cat_cols], len(num_cols),
                 emb_dim=cfg["embedding_dim"], hidden=cfg["hidden"], dropout=cfg["dropout"]).to(device)
pos_weight = torch.tensor((1 - train_df[target].mean()) / train_df[target].mean(), device=device)
criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
optimizer = torch.optim.Adam(model.parameters(), lr=cfg["lr"])


@torch.no_grad()
def predict(loader):
    model.eval()
    out, ys = [], []
    for cats, nums, y in loader:
        out.append(torch.sigmoid(model(cats.to(device), nums.to(device))).cpu())
        ys.append(y)
    return torch.cat(ys).numpy(), torch.cat(out).numpy()


best_ap, stale = -1.0, 0
os.makedirs(os.path.dirname(cfg["checkpoint"]), exist_ok=True)
for epoch in range(cfg["epochs"]):
    model.train()
    optimizer.zero_grad()
    total = 0.0
    for cats, nums, y in loaders["train"]:
        cats, nums, y = cats.to(device), nums.to(device), y.to(device)
        loss = criterion(model(cats, nums), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    y_val, p_val = predict(loaders["val"])
    ap = average_precision_score(y_val, p_val)
    print(f"epoch {epoch} loss {total / len(train_df):.4f} val PR-AUC {ap:.4f} ROC-AUC {roc_auc_score(y_val, p_val):.4f}")
    if ap > best_ap:
        best_ap, stale = ap, 0
        torch.save(model.state_dict(), cfg["checkpoint"])
    else:
        stale += 1
        if stale >= cfg["patience"]:
            print("early stopping")
            break

model.load_state_dict(torch.load(cfg["checkpoint"]))
y_test, p_test = predict(loaders["test"])
print(f"FraudNet test PR-AUC {average_precision_score(y_test, p_test):.4f} ROC-AUC {roc_auc_score(y_test, p_test):.4f}")

lr = LogisticRegression(max_iter=1000, class_weight="balanced")
lr.fit(splits["train"][1], splits["train"][2])
p_lr = lr.predict_proba(splits["test"][1])[:, 1]
print(f"LogReg   test PR-AUC {average_precision_score(y_test, p_lr):.4f} ROC-AUC {roc_auc_score(y_test, p_lr):.4f}")
