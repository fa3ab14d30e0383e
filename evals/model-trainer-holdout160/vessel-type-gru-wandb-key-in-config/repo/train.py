import random

import numpy as np
import torch
import torch.nn as nn
import wandb
import yaml
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader

from dataset import CHANNELS, SegmentDataset, load_segments, split_by_mmsi

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)


class TrackGRU(nn.Module):
    def __init__(self, n_in, n_cls, hidden, layers, dropout):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, layers, batch_first=True, dropout=dropout)
        self.out = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, n_cls))

    def forward(self, x):
        _, h = self.gru(x)
        return self.out(h[-1])


def predict(model, loader):
    model.eval()
    ys, ps = [], []
    with torch.no_grad():
        for xb, yb in loader:
            ps.append(model(xb).argmax(1).numpy())
            ys.append(yb.numpy())
    return np.concatenate(ys), np.concatenate(ps)


df = load_segments(cfg["data"]["tracks"], cfg["classes"])
meta = df.groupby("segment_id").agg(mmsi=("mmsi", "first"))
tr_ids, va_ids, te_ids = split_by_mmsi(meta, cfg["data"]["val_frac"], cfg["data"]["test_frac"], cfg["seed"])
L = cfg["data"]["seq_len"]
train_ds = SegmentDataset(df, tr_ids, cfg["classes"], L)
val_ds = SegmentDataset(df, va_ids, cfg["classes"], L, stats=train_ds.stats)
test_ds = SegmentDataset(df, te_ids, cfg["classes"], L, stats=train_ds.stats)
train_dl = DataLoader(train_ds, batch_size=cfg["train"]["batch_size"], shuffle=True)
val_dl = DataLoader(val_ds, batch_size=512)
test_dl = DataLoader(test_ds, batch_size=512)

model = TrackGRU(len(CHANNELS), len(cfg["classes"]), **cfg["model"])
opt = torch.optim.AdamW(model.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
loss_fn = nn.CrossEntropyLoss()

best_f1 = 0.0
for epoch in range(cfg["train"]["epochs"]):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    y_va, p_va = predict(model, val_dl)
    val_f1 = f1_score(y_va, p_va, average="macro")
    wandb.log({"epoch": epoch, "train_loss": loss.item(), "val_macro_f1": val_f1})
    if val_f1 > best_f1:
        best_f1 = val_f1
        torch.save(model.state_dict(), "vessel_gru_best.pt")

model.load_state_dict(torch.load("vessel_gru_best.pt"))
y_te, p_te = predict(model, test_dl)
test_f1 = f1_score(y_te, p_te, average="macro")
print(f"best val macro-F1 {best_f1:.4f}  test macro-F1 {test_f1:.4f}")
wandb.summary["test_macro_f1"] = test_f1
run.finish()
