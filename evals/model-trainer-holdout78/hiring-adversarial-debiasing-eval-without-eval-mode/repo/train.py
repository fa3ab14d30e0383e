"""Adversarially debiased candidate-screening model (Zhang et al. 2018 style)."""
import json
import random

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from fairhire.loops import evaluate, parity_report, train_epoch
from fairhire.model import Adversary, Predictor

with open("config.json") as fh:
    CFG = json.load(fh)

random.seed(CFG["seed"])
np.random.seed(CFG["seed"])
torch.manual_seed(CFG["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_parquet(CFG["data_path"])
feature_cols = [c for c in df.columns if c.startswith("f_")]
df["group"] = df["gender"].map({"female": 0, "male": 1, "nonbinary": 2}).fillna(3).astype(int)
strata = df["hired"].astype(str) + "_" + df["group"].astype(str)

train_df, test_df = train_test_split(df, test_size=0.2, stratify=strata, random_state=CFG["seed"])
train_df, val_df = train_test_split(
    train_df, test_size=0.15, stratify=strata.loc[train_df.index], random_state=CFG["seed"]
)

scaler = StandardScaler().fit(train_df[feature_cols])


def make_loader(frame, shuffle):
    x = torch.tensor(scaler.transform(frame[feature_cols]), dtype=torch.float32)
    y = torch.tensor(frame["hired"].to_numpy(), dtype=torch.float32)
    g = torch.tensor(frame["group"].to_numpy(), dtype=torch.long)
    return DataLoader(TensorDataset(x, y, g), batch_size=CFG["batch_size"], shuffle=shuffle)


train_loader = make_loader(train_df, shuffle=True)
val_loader = make_loader(val_df, shuffle=False)
test_loader = make_loader(test_df, shuffle=False)

model = Predictor(len(feature_cols), CFG["hidden"], CFG["dropout"]).to(device)
adversary = Adversary(n_groups=4).to(device)
opt = torch.optim.Adam(model.parameters(), lr=CFG["lr"])
adv_opt = torch.optim.Adam(adversary.parameters(), lr=CFG["adv_lr"])

best_auc, bad_epochs = -1.0, 0
for epoch in range(CFG["epochs"]):
    train_loss = train_epoch(model, adversary, train_loader, opt, adv_opt, CFG["adv_weight"], device)
    val_metrics, val_scores, val_y, val_g = evaluate(model, val_loader, device)
    print(f"epoch {epoch:02d} train_bce={train_loss:.4f} val_auc={val_metrics['auc']:.4f}")
    if val_metrics["auc"] > best_auc:
        best_auc, bad_epochs = val_metrics["auc"], 0
        torch.save(model.state_dict(), CFG["checkpoint"])
    else:
        bad_epochs += 1
        if bad_epochs >= CFG["patience"]:
            break

model.load_state_dict(torch.load(CFG["checkpoint"]))
_, val_scores, _, _ = evaluate(model, val_loader, device)
threshold = float(np.quantile(val_scores, 0.7))

test_metrics, scores, y, g = evaluate(model, test_loader, device)
lr = LogisticRegression(max_iter=2000).fit(scaler.transform(train_df[feature_cols]), train_df["hired"])
baseline_auc = roc_auc_score(y, lr.predict_proba(scaler.transform(test_df[feature_cols]))[:, 1])
print("test:", test_metrics, "baseline auc:", round(baseline_auc, 4))
print(json.dumps(parity_report(scores, y, g, threshold), indent=2))
