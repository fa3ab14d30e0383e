import random

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader

from pose.dataset import TopDownMPIIStyle
from pose.engine import evaluate, train_one_epoch
from pose.heatmaps import JointsMSELoss
from pose.model import ResNetHeatmap

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

d, t = cfg["data"], cfg["train"]
train_ds = TopDownMPIIStyle(d["train_ann"], d["img_root"], train=True)
val_ds = TopDownMPIIStyle(d["val_ann"], d["img_root"])
test_ds = TopDownMPIIStyle(d["test_ann"], d["img_root"])
train_dl = DataLoader(train_ds, t["batch_size"], shuffle=True, num_workers=t["workers"], drop_last=True,
                      worker_init_fn=lambda w: np.random.seed(cfg["seed"] + w))
val_dl = DataLoader(val_ds, 64, num_workers=t["workers"])
test_dl = DataLoader(test_ds, 64, num_workers=t["workers"])

model = ResNetHeatmap(cfg["model"]["num_joints"], cfg["model"]["depth"]).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=t["lr"])
scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, t["lr_steps"], 0.1)
criterion = JointsMSELoss()

best_pckh = 0.0
for epoch in range(t["epochs"]):
    loss = train_one_epoch(model, train_dl, optimizer, criterion, device)
    scheduler.step()
    pckh = evaluate(model, val_dl, device)
    print(f"epoch {epoch + 1:3d}  loss {loss:.6f}  val PCKh@0.5 {pckh:.4f}")
    if pckh > best_pckh:
        best_pckh = pckh
        torch.save({"epoch": epoch + 1, "state_dict": model.state_dict()}, "checkpoints/best_val.pth")

ckpt = torch.load("checkpoints/best_val.pth", map_location=device)
model.load_state_dict(ckpt["state_dict"])
test_pckh = evaluate(model, test_dl, device)
print(f"best val PCKh {best_pckh:.4f} (epoch {ckpt['epoch']}) | test PCKh@0.5 {test_pckh:.4f}")
