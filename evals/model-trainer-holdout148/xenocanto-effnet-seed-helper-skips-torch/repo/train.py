import sys

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import f1_score
from torch.utils.data import DataLoader
from torchvision.models import efficientnet_b0

from dataset import LogMelCrops
from utils import load_config, set_seed

cfg = load_config(sys.argv[1] if len(sys.argv) > 1 else "config.yaml")
set_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

classes = sorted(pd.read_csv(cfg["train_index"])["primary_label"].unique())
train_ds = LogMelCrops(cfg["train_index"], cfg["spec_dir"], classes, cfg["crop_frames"], train=True)
val_ds = LogMelCrops(cfg["val_index"], cfg["spec_dir"], classes, cfg["crop_frames"], train=False)
train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4, drop_last=True)
val_dl = DataLoader(val_ds, batch_size=128, num_workers=4)

model = efficientnet_b0(num_classes=len(classes))
model.features[0][0] = nn.Conv2d(1, 32, 3, stride=2, padding=1, bias=False)
model = model.to(device)
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-2)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg["lr"], total_steps=cfg["epochs"] * len(train_dl))
criterion = nn.CrossEntropyLoss()

for epoch in range(cfg["epochs"]):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        lam = np.random.beta(cfg["mixup_alpha"], cfg["mixup_alpha"])
        perm = torch.randperm(x.size(0), device=device)
        x_mix = lam * x + (1 - lam) * x[perm]
        logits = model(x_mix)
        loss = lam * criterion(logits, y) + (1 - lam) * criterion(logits, y[perm])
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()

    model.eval()
    preds, targets = [], []
    with torch.no_grad():
        for x, y in val_dl:
            preds.append(model(x.to(device)).argmax(1).cpu())
            targets.append(y)
    f1 = f1_score(torch.cat(targets), torch.cat(preds), average="macro")
    print(f"epoch {epoch:02d} loss={loss.item():.3f} val_macro_f1={f1:.3f}")

torch.save({"model": model.state_dict(), "classes": classes}, "xc_effnet_b0.pt")
