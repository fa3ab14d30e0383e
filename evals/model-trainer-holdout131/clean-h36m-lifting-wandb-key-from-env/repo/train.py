import os
import random

import numpy as np
import torch
import wandb
import yaml
from torch.utils.data import DataLoader, TensorDataset

from lifting import TemporalLifter, build_windows, mpjpe

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

api_key = os.environ.get(cfg["logging"]["api_key_env"])
if api_key is None:
    raise SystemExit(f"set {cfg['logging']['api_key_env']} (see .env.example)")
wandb.login(key=api_key)
run = wandb.init(project=cfg["logging"]["wandb_project"], entity=cfg["logging"]["wandb_entity"], config=cfg)

d = cfg["data"]
kp2d = np.load(d["npz_2d"], allow_pickle=True)["positions_2d"].item()      # screen-normalised CPN detections
pos3d = np.load(d["npz_3d"], allow_pickle=True)["positions_3d_cam"].item()  # camera-space ground truth
loaders = {}
for split in ("train", "val", "test"):
    X, Y = build_windows(d[f"{split}_subjects"], kp2d, pos3d, d["receptive_field"])
    loaders[split] = DataLoader(TensorDataset(X, Y), batch_size=cfg["train"]["batch_size"], shuffle=(split == "train"))
    print(split, len(X))

model = TemporalLifter(filter_widths=cfg["model"]["filter_widths"], channels=cfg["model"]["channels"],
                       dropout=cfg["model"]["dropout"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"], amsgrad=True)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=cfg["train"]["lr_decay"])


@torch.no_grad()
def evaluate(loader):
    model.eval()
    err, n = 0.0, 0
    for x, y in loader:
        err += mpjpe(model(x.to(device))[:, 0], y.to(device)).item() * len(y)
        n += len(y)
    return err / n * 1000          # mm


best = float("inf")
for epoch in range(cfg["train"]["epochs"]):
    model.train()
    for x, y in loaders["train"]:
        x, y = x.to(device), y.to(device)
        opt.zero_grad()
        loss = mpjpe(model(x)[:, 0], y)
        loss.backward()
        opt.step()
    sched.step()
    val_mm = evaluate(loaders["val"])
    run.log({"epoch": epoch, "train/mpjpe_mm": loss.item() * 1000, "val/mpjpe_mm": val_mm})
    if val_mm < best:
        best = val_mm
        torch.save(model.state_dict(), "checkpoints/lifter_best.pt")

model.load_state_dict(torch.load("checkpoints/lifter_best.pt", map_location=device))
test_mm = evaluate(loaders["test"])
print(f"Protocol #1 MPJPE on S9/S11: {test_mm:.1f} mm (best val {best:.1f} mm on S8)")
run.summary["test/mpjpe_mm"] = test_mm
run.finish()
