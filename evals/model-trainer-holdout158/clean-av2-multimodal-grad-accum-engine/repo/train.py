import argparse

import numpy as np
import torch
from torch.utils.data import DataLoader, Subset, TensorDataset

from engine import evaluate, train_one_epoch
from model import LaneAwareForecaster


def load(path):
    z = np.load(path)
    return TensorDataset(*(torch.from_numpy(z[k]).float() for k in ("hist", "lanes", "fut"))), z["scenario_id"]


ap = argparse.ArgumentParser()
ap.add_argument("--train", default="cache/av2_train.npz")
ap.add_argument("--test", default="cache/av2_val.npz")  # official AV2 val, used only for the final number
ap.add_argument("--epochs", type=int, default=36)
ap.add_argument("--bs", type=int, default=32)
ap.add_argument("--accum", type=int, default=4)
ap.add_argument("--seed", type=int, default=0)
args = ap.parse_args()

torch.manual_seed(args.seed)
np.random.seed(args.seed)
device = "cuda" if torch.cuda.is_available() else "cpu"

full, scen = load(args.train)
uniq = np.unique(scen)
val_scen = np.random.default_rng(args.seed).choice(uniq, size=len(uniq) // 20, replace=False)
val_mask = np.isin(scen, val_scen)
train_ds, val_ds = Subset(full, np.where(~val_mask)[0]), Subset(full, np.where(val_mask)[0])
test_ds, _ = load(args.test)

train_dl = DataLoader(train_ds, batch_size=args.bs, shuffle=True, num_workers=4)
val_dl = DataLoader(val_ds, batch_size=256, num_workers=4)
test_dl = DataLoader(test_ds, batch_size=256, num_workers=4)

model = LaneAwareForecaster().to(device)
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-2)
sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=1e-3, total_steps=args.epochs)

best = float("inf")
for epoch in range(args.epochs):
    loss = train_one_epoch(model, train_dl, opt, device, accum_steps=args.accum)
    sched.step()
    val = evaluate(model, val_dl, device)
    print(f"epoch {epoch:02d} loss {loss:.3f} val minADE6 {val['minADE6']:.3f} minFDE6 {val['minFDE6']:.3f}")
    if val["minFDE6"] < best:
        best = val["minFDE6"]
        torch.save(model.state_dict(), "lane_aware_best.pt")

model.load_state_dict(torch.load("lane_aware_best.pt", map_location=device))
print("AV2 val (held out):", evaluate(model, test_dl, device))
