"""Group-DRO screening model: minimise the worst-group loss across race/ethnicity groups."""
import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from gdro.evaluate import group_metrics, predict
from gdro.utils import seed_everything

cfg = yaml.safe_load(open("config.yaml"))
gen = seed_everything(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

df = pd.read_parquet(cfg["data"])
feat_cols = [c for c in df.columns if c.startswith("x_")]
df["gid"] = df[cfg["group_col"]].astype("category").cat.codes
n_groups = int(df["gid"].max()) + 1
strata = df[cfg["label"]].astype(str) + "_" + df["gid"].astype(str)
dev, test = train_test_split(df, test_size=0.2, stratify=strata, random_state=cfg["seed"])
train, val = train_test_split(dev, test_size=0.2, stratify=strata.loc[dev.index], random_state=cfg["seed"])
scaler = StandardScaler().fit(train[feat_cols])


def loader(frame, shuffle):
    ds = TensorDataset(torch.tensor(scaler.transform(frame[feat_cols]), dtype=torch.float32),
                       torch.tensor(frame[cfg["label"]].to_numpy(), dtype=torch.float32),
                       torch.tensor(frame["gid"].to_numpy(), dtype=torch.long))
    return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, generator=gen if shuffle else None)


train_dl, val_dl, test_dl = loader(train, True), loader(val, False), loader(test, False)
model = nn.Sequential(nn.Linear(len(feat_cols), 128), nn.ReLU(), nn.Dropout(cfg["dropout"]),
                      nn.Linear(128, 64), nn.ReLU(), nn.Dropout(cfg["dropout"]), nn.Linear(64, 1),
                      nn.Flatten(0)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
q = torch.ones(n_groups, device=device) / n_groups

best, stale = float("inf"), 0
for epoch in range(cfg["epochs"]):
    model.train()
    opt.zero_grad()
    for step, (xb, yb, gb) in enumerate(train_dl, start=1):
        xb, yb, gb = xb.to(device), yb.to(device), gb.to(device)
        per_example = F.binary_cross_entropy_with_logits(model(xb), yb, reduction="none")
        group_loss = torch.zeros(n_groups, device=device).scatter_add(0, gb, per_example)
        counts = torch.bincount(gb, minlength=n_groups).clamp(min=1)
        group_loss = group_loss / counts
        q = q * torch.exp(cfg["group_step_size"] * group_loss.detach())
        q = q / q.sum()
        loss = (q * group_loss).sum() / cfg["accum_steps"]
        loss.backward()
        if step % cfg["accum_steps"] == 0 or step == len(train_dl):
            opt.step()
            opt.zero_grad()

    p_val, y_val, g_val = predict(model, val_dl, device)
    val_stats = group_metrics(p_val, y_val, g_val, n_groups)
    print(f"epoch {epoch:02d} val_auc={val_stats['auc']:.4f} worst_group_bce={val_stats['worst_group_bce']:.4f}")
    if val_stats["worst_group_bce"] < best:
        best, stale = val_stats["worst_group_bce"], 0
        torch.save({"model": model.state_dict(), "epoch": epoch}, cfg["checkpoint"])
    else:
        stale += 1
        if stale >= cfg["patience"]:
            break

model.load_state_dict(torch.load(cfg["checkpoint"])["model"])
p_val, y_val, g_val = predict(model, val_dl, device)
threshold = float(np.quantile(p_val, 1 - y_val.mean()))
p_test, y_test, g_test = predict(model, test_dl, device)
test_stats = group_metrics(p_test, y_test, g_test, n_groups)
logit = LogisticRegression(max_iter=2000).fit(scaler.transform(train[feat_cols]), train[cfg["label"]])
print("test:", {k: v for k, v in test_stats.items() if k != "group_bce"},
      "| logit baseline auc:", round(roc_auc_score(y_test, logit.predict_proba(scaler.transform(test[feat_cols]))[:, 1]), 4))
selected = p_test >= threshold
for k in range(n_groups):
    m = g_test == k
    print(f"group {k}: n={m.sum()} selection_rate={selected[m].mean():.3f} tpr={selected[m & (y_test == 1)].mean():.3f}")
