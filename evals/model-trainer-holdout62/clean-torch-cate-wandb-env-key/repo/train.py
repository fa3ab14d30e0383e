"""Train CFRNet for the free-delivery test, log to W&B, compare to a gradient-boosting T-learner."""
import os
import random
from pathlib import Path

import numpy as np
import torch
import wandb
import yaml
from sklearn.ensemble import HistGradientBoostingClassifier

from cfrnet.data import make_loaders
from cfrnet.model import CFRNet, cfr_loss

cfg = yaml.safe_load(open("config.yaml"))
random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project=cfg["project"], config=cfg)

train_dl, val_dl, test_dl, arr = make_loaders(cfg)
model = CFRNet(len(cfg["features"]), cfg["hidden"], cfg["dropout"])
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
ckpt = Path(cfg["checkpoint_dir"]) / "cfrnet_best.pt"
ckpt.parent.mkdir(parents=True, exist_ok=True)


def run_epoch(loader, train):
    model.train(train)
    total, n = 0.0, 0
    with torch.set_grad_enabled(train):
        for x, t, y in loader:
            phi, l0, l1 = model(x)
            loss = cfr_loss(phi, l0, l1, t, y, cfg["ipm_weight"])
            if train:
                opt.zero_grad()
                loss.backward()
                opt.step()
            total += loss.item() * len(y)
            n += len(y)
    return total / n


best, wait = float("inf"), 0
for epoch in range(cfg["max_epochs"]):
    tr_loss = run_epoch(train_dl, train=True)
    va_loss = run_epoch(val_dl, train=False)
    wandb.log({"epoch": epoch, "train_loss": tr_loss, "val_loss": va_loss})
    if va_loss < best - 1e-4:
        best, wait = va_loss, 0
        torch.save(model.state_dict(), ckpt)
    elif (wait := wait + 1) >= cfg["patience"]:
        break

model.load_state_dict(torch.load(ckpt))
model.eval()
with torch.no_grad():
    _, l0, l1 = model(torch.from_numpy(arr["X"][arr["test"]]))
    tau_nn = (torch.sigmoid(l1) - torch.sigmoid(l0)).numpy()

X, t, y, tr, te = arr["X"], arr["t"], arr["y"], arr["train"], arr["test"]
hgb = dict(max_iter=300, learning_rate=0.05, random_state=cfg["seed"])
m1 = HistGradientBoostingClassifier(**hgb).fit(X[tr][t[tr] == 1], y[tr][t[tr] == 1])
m0 = HistGradientBoostingClassifier(**hgb).fit(X[tr][t[tr] == 0], y[tr][t[tr] == 0])
tau_gb = m1.predict_proba(X[te])[:, 1] - m0.predict_proba(X[te])[:, 1]


def qini(yv, tv, s):
    o = np.argsort(-s)
    yv, tv = yv[o], tv[o]
    nt, nc = np.cumsum(tv), np.cumsum(1 - tv)
    q = np.cumsum(yv * tv) - np.cumsum(yv * (1 - tv)) * nt / np.maximum(nc, 1)
    return float((q - np.linspace(0, q[-1], len(q))).mean() / len(q))


def uplift_top(yv, tv, s, frac=0.2):
    i = np.argsort(-s)[: int(frac * len(s))]
    return float(yv[i][tv[i] == 1].mean() - yv[i][tv[i] == 0].mean())


rng = np.random.default_rng(cfg["seed"])
summary = {}
for name, s in [("cfrnet", tau_nn), ("hgb_t_learner", tau_gb), ("random", rng.random(len(te)))]:
    summary[f"{name}/qini"] = qini(y[te], t[te], s)
    summary[f"{name}/uplift_top20"] = uplift_top(y[te], t[te], s)
print(summary)
wandb.log(summary)
run.finish()
