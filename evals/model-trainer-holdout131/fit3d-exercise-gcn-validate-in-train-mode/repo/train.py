"""Exercise-type recognition on Fit3D 3D skeletons (47 exercises, 17 H36M joints)."""
import json
import os
import random

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

from engine import train_one_epoch, validate
from model import ExerciseGCN

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def load_subjects(subjects):
    xs, ys = [], []
    for s in subjects:
        d = np.load(os.path.join(cfg["data_root"], f"{s}_clips{cfg['clip_len']}.npz"))
        xs.append(d["joints3d"])          # (n, T, 17, 3), pelvis-centred metres
        ys.append(d["exercise_id"])
    return torch.tensor(np.concatenate(xs), dtype=torch.float32), torch.tensor(np.concatenate(ys))


X_tr, y_tr = load_subjects(cfg["train_subjects"])
X_va, y_va = load_subjects(cfg["val_subjects"])
X_te, y_te = load_subjects(cfg["test_subjects"])
n_classes = int(y_tr.max()) + 1

train_loader = DataLoader(TensorDataset(X_tr, y_tr), batch_size=cfg["batch_size"], shuffle=True)
val_loader = DataLoader(TensorDataset(X_va, y_va), batch_size=128)
test_loader = DataLoader(TensorDataset(X_te, y_te), batch_size=128)

model = ExerciseGCN(n_classes, cfg["hidden"], cfg["dropout"]).to(device)
optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])
criterion = nn.CrossEntropyLoss()

os.makedirs(cfg["out_dir"], exist_ok=True)
ckpt = os.path.join(cfg["out_dir"], "best.pt")
best_f1 = -1.0
for epoch in range(cfg["epochs"]):
    tr_loss = train_one_epoch(model, train_loader, optimizer, criterion, device)
    scheduler.step()
    val = validate(model, val_loader, criterion, device)
    print(f"ep {epoch:02d} train {tr_loss:.4f} | val loss {val['loss']:.4f} acc {val['acc']:.3f} f1 {val['macro_f1']:.3f}")
    if val["macro_f1"] > best_f1:
        best_f1 = val["macro_f1"]
        torch.save(model.state_dict(), ckpt)

model.load_state_dict(torch.load(ckpt, map_location=device))
test = validate(model, test_loader, criterion, device)
print(f"TEST (subjects {cfg['test_subjects']}): acc {test['acc']:.3f}  macro-F1 {test['macro_f1']:.3f}")
json.dump({"val_macro_f1": best_f1, "test": test}, open(os.path.join(cfg["out_dir"], "metrics.json"), "w"), indent=2)
