"""Mobile-money fraud MLP with time-based splits, gradient accumulation and early stopping."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from torch.utils.data import DataLoader, TensorDataset

from mmfraud.features import engineer
from mmfraud.net import TabularMLP
from mmfraud.utils import seed_everything, threshold_for_precision

cfg = yaml.safe_load(open("train_config.yaml"))
seed_everything(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = engineer(pd.read_csv(cfg["data_path"]), cfg["types"])
cols = cfg["features"] + ["orig_balance_error", "dest_balance_error"] + [f"type_{t}" for t in cfg["types"]]
train = df[df["step"] <= cfg["train_until_step"]]
valid = df[(df["step"] > cfg["train_until_step"]) & (df["step"] <= cfg["valid_until_step"])]
test = df[df["step"] > cfg["valid_until_step"]]

scaler = StandardScaler().fit(train[cols])
arrays = {n: (scaler.transform(p[cols]).astype(np.float32), p["isFraud"].values.astype(np.float32))
          for n, p in [("train", train), ("valid", valid), ("test", test)]}


def make_loader(name, shuffle):
    X, y = arrays[name]
    g = torch.Generator().manual_seed(cfg["seed"])
    return DataLoader(TensorDataset(torch.from_numpy(X), torch.from_numpy(y)),
                      batch_size=cfg["optim"]["batch_size"], shuffle=shuffle, generator=g)


@torch.no_grad()
def predict(model, loader):
    model.eval()
    return torch.cat([torch.sigmoid(model(xb.to(device))).cpu() for xb, _ in loader]).numpy()


train_dl, valid_dl, test_dl = make_loader("train", True), make_loader("valid", False), make_loader("test", False)
model = TabularMLP(len(cols), **cfg["model"]).to(device)
pos_rate = arrays["train"][1].mean()
criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos_rate) / pos_rate, device=device))
opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
accum = cfg["optim"]["accum_steps"]
ckpt = Path(cfg["checkpoint_dir"]) / "best.pt"
ckpt.parent.mkdir(parents=True, exist_ok=True)

best_ap, wait = 0.0, 0
for epoch in range(cfg["optim"]["max_epochs"]):
    model.train()
    opt.zero_grad(set_to_none=True)
    for i, (xb, yb) in enumerate(train_dl, start=1):
        loss = criterion(model(xb.to(device)), yb.to(device)) / accum
        loss.backward()
        if i % accum == 0 or i == len(train_dl):
            opt.step()
            opt.zero_grad(set_to_none=True)
    p_val = predict(model, valid_dl)
    ap = average_precision_score(arrays["valid"][1], p_val)
    print(f"epoch {epoch:02d} valid AP {ap:.4f} AUC {roc_auc_score(arrays['valid'][1], p_val):.4f}")
    if ap > best_ap:
        best_ap, wait = ap, 0
        torch.save({"model": model.state_dict(), "epoch": epoch, "valid_ap": ap}, ckpt)
    else:
        wait += 1
        if wait >= cfg["optim"]["patience"]:
            break

model.load_state_dict(torch.load(ckpt)["model"])
thr = threshold_for_precision(arrays["valid"][1], predict(model, valid_dl), cfg["min_precision"])

lr = LogisticRegression(max_iter=2000, class_weight="balanced").fit(*arrays["train"])
y_test = arrays["test"][1]
for name, p in [("mlp", predict(model, test_dl)), ("logreg", lr.predict_proba(arrays["test"][0])[:, 1])]:
    print(f"{name:6s} test AUC {roc_auc_score(y_test, p):.4f} AP {average_precision_score(y_test, p):.4f}")
p_mlp = predict(model, test_dl)
print(f"MLP @ valid threshold {thr:.3f}: precision {precision_score(y_test, p_mlp >= thr):.3f} "
      f"recall {recall_score(y_test, p_mlp >= thr):.3f}")
