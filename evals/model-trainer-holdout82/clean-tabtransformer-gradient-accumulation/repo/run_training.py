import json
import math
import random
from pathlib import Path

import numpy as np
import pandas as pd
import tomli
import torch
from lightgbm import LGBMClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OrdinalEncoder, StandardScaler
from torch.utils.data import DataLoader, TensorDataset
from transformers import get_cosine_schedule_with_warmup

from tabtx.engine import predict_proba, scores, train_one_epoch
from tabtx.model import TabTransformer

cfg = tomli.load(open("train.toml", "rb"))
D, M, O = cfg["data"], cfg["model"], cfg["optim"]
random.seed(O["seed"])
np.random.seed(O["seed"])
torch.manual_seed(O["seed"])

df = pd.read_csv(D["path"])
train_df, test_df = train_test_split(df, test_size=D["test_size"], stratify=df[D["target"]],
                                     random_state=O["seed"])
train_df, val_df = train_test_split(train_df, test_size=D["val_size"], stratify=train_df[D["target"]],
                                    random_state=O["seed"])

enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1).fit(train_df[D["categorical"]])
scaler = StandardScaler().fit(np.log1p(train_df[D["numerical"]]))


def dataset(frame):
    return TensorDataset(
        torch.tensor(enc.transform(frame[D["categorical"]]) + 1, dtype=torch.long),
        torch.tensor(scaler.transform(np.log1p(frame[D["numerical"]])), dtype=torch.float32),
        torch.tensor(frame[D["target"]].values, dtype=torch.float32),
    )


train_dl = DataLoader(dataset(train_df), batch_size=O["micro_batch"], shuffle=True, drop_last=True)
val_dl = DataLoader(dataset(val_df), batch_size=4096)
test_dl = DataLoader(dataset(test_df), batch_size=4096)

model = TabTransformer([len(c) + 1 for c in enc.categories_], len(D["numerical"]), **M)
optimizer = torch.optim.AdamW(model.parameters(), lr=O["lr"], weight_decay=O["weight_decay"])
updates_per_epoch = math.ceil(len(train_dl) / O["accum_steps"])
total_updates = updates_per_epoch * O["epochs"]
scheduler = get_cosine_schedule_with_warmup(optimizer, int(O["warmup_ratio"] * total_updates), total_updates)
pos_weight = torch.tensor((1 - train_df[D["target"]].mean()) / train_df[D["target"]].mean())
loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)

ckpt = Path(O["checkpoint"])
ckpt.parent.mkdir(parents=True, exist_ok=True)
best_ap, stale = -1.0, 0
for epoch in range(O["epochs"]):
    train_loss = train_one_epoch(model, train_dl, optimizer, scheduler, loss_fn, O["accum_steps"])
    val = scores(val_df[D["target"]], predict_proba(model, val_dl))
    print(f"epoch {epoch:02d} loss={train_loss:.4f} val_auc={val['roc_auc']:.4f} val_ap={val['pr_auc']:.4f}")
    if val["pr_auc"] > best_ap:
        best_ap, stale = val["pr_auc"], 0
        torch.save(model.state_dict(), ckpt)
    else:
        stale += 1
        if stale >= O["patience"]:
            break

model.load_state_dict(torch.load(ckpt))
results = {"tabtransformer": scores(test_df[D["target"]], predict_proba(model, test_dl))}

def matrix(frame):
    return np.hstack([enc.transform(frame[D["categorical"]]), np.log1p(frame[D["numerical"]].values)])


gbm = LGBMClassifier(n_estimators=800, learning_rate=0.03, random_state=O["seed"])
gbm.fit(matrix(train_df), train_df[D["target"]], eval_set=[(matrix(val_df), val_df[D["target"]])])
results["lightgbm"] = scores(test_df[D["target"]], gbm.predict_proba(matrix(test_df))[:, 1])
print(json.dumps(results, indent=2))
