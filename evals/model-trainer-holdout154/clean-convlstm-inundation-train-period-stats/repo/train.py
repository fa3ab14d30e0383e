import copy

import torch
import torch.nn as nn
import yaml
from torch.utils.data import DataLoader

from dataset import FloodSequences, channel_stats, open_cube
from model import InundationNet
from utils import binary_scores, seed_everything


def evaluate(model, loader, device):
    model.eval()
    tp = fp = fn = 0.0
    with torch.inference_mode():
        for x, y in loader:
            a, b, c = binary_scores(model(x.to(device)), y.to(device))
            tp, fp, fn = tp + a, fp + b, fn + c
    return tp / max(tp + fp + fn, 1.0)  # critical success index


cfg = yaml.safe_load(open("config.yaml"))
seed_everything(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

ds = open_cube(cfg["cube"])
mean, std = channel_stats(ds, cfg["inputs"], cfg["periods"]["train"])
mk = lambda p: FloodSequences(ds, cfg["inputs"], cfg["target"], cfg["periods"][p], cfg["seq_len"], mean, std)
train_ds, val_ds, test_ds = mk("train"), mk("val"), mk("test")

oc = cfg["optim"]
train_dl = DataLoader(train_ds, batch_size=oc["batch_size"], shuffle=True, drop_last=True)
val_dl = DataLoader(val_ds, batch_size=oc["batch_size"])
test_dl = DataLoader(test_ds, batch_size=oc["batch_size"])

model = InundationNet(len(cfg["inputs"]), cfg["model"]["hidden"], cfg["model"]["dropout"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=oc["lr"])
crit = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(4.0, device=device))

best_csi, best_state, bad = -1.0, None, 0
for epoch in range(oc["epochs"]):
    model.train()
    for x, y in train_dl:
        x, y = x.to(device), y.to(device)
        opt.zero_grad(set_to_none=True)
        loss = crit(model(x), y)
        loss.backward()
        opt.step()
    csi = evaluate(model, val_dl, device)
    print(f"epoch {epoch:02d} loss {loss.item():.4f} val CSI {csi:.4f}")
    if csi > best_csi:
        best_csi, best_state, bad = csi, copy.deepcopy(model.state_dict()), 0
    else:
        bad += 1
        if bad >= oc["patience"]:
            break

model.load_state_dict(best_state)
print(f"best val CSI {best_csi:.4f} | test CSI {evaluate(model, test_dl, device):.4f}")
