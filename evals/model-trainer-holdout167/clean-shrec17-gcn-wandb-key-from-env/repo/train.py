import os
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import wandb
import yaml
from torch.utils.data import DataLoader, TensorDataset

from gcn import HandGCN

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])
D, T = cfg["data"], cfg["train"]

COLS = ["id_gesture", "id_finger", "id_subject", "id_essai", "label_14", "label_28", "size_sequence"]


def load(list_file):
    meta = pd.read_csv(os.path.join(D["root"], list_file), sep=" ", header=None, names=COLS)
    xs = []
    for r in meta.itertuples():
        p = os.path.join(D["root"], f"gesture_{r.id_gesture}", f"finger_{r.id_finger}",
                         f"subject_{r.id_subject}", f"essai_{r.id_essai}", "skeletons_world.txt")
        seq = np.loadtxt(p).reshape(-1, 22, 3)
        seq = seq - seq[:1, 1:2]                                   # palm position in the first frame as origin
        idx = np.linspace(0, len(seq) - 1, D["frames"]).round().astype(int)
        xs.append(seq[idx])
    return torch.tensor(np.stack(xs), dtype=torch.float32), torch.tensor(meta[D["label_col"]].to_numpy() - 1), meta


X_all, y_all, meta_all = load("train_gestures.txt")
X_test, y_test, _ = load("test_gestures.txt")
is_val = torch.from_numpy(meta_all["id_subject"].isin(D["val_subjects"]).to_numpy())
train_ds = TensorDataset(X_all[~is_val], y_all[~is_val])
val_ds = TensorDataset(X_all[is_val], y_all[is_val])

os.environ.setdefault("WANDB_API_KEY", os.getenv(cfg["wandb"]["api_key_env"], ""))
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

n_classes = int(y_all.max()) + 1
model = HandGCN(n_classes, **cfg["model"])
opt = torch.optim.Adam(model.parameters(), lr=T["lr"], weight_decay=1e-4)
sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T["epochs"])
loader = DataLoader(train_ds, batch_size=T["batch_size"], shuffle=True)


def accuracy(x, y):
    model.eval()
    with torch.no_grad():
        return (model(x).argmax(1) == y).float().mean().item()


best = 0.0
for epoch in range(T["epochs"]):
    model.train()
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        opt.step()
    sched.step()
    val_acc = accuracy(*val_ds.tensors)
    wandb.log({"epoch": epoch, "train/loss": loss.item(), "val/acc": val_acc})
    if val_acc > best:
        best = val_acc
        torch.save(model.state_dict(), "hand_gcn_best.pt")

model.load_state_dict(torch.load("hand_gcn_best.pt"))
test_acc = accuracy(X_test, y_test)
run.summary["test/acc"] = test_acc
print(f"SHREC'17 {D['label_col']}: best val {best:.4f}, test {test_acc:.4f}")
run.finish()
