import json
import random

import numpy as np
import torch
from sklearn.metrics import roc_auc_score
from torch.utils.data import DataLoader

from deepsets import ConstituentDataset, DeepSetsTagger

cfg = json.load(open("config.json"))
random.seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.manual_seed(cfg["seed"])
device = "cuda" if torch.cuda.is_available() else "cpu"

d, o = cfg["data"], cfg["optim"]
train_dl = DataLoader(ConstituentDataset(d["train"], d["n_constituents"]), batch_size=o["micro_batch"], shuffle=True)
val_dl = DataLoader(ConstituentDataset(d["val"], d["n_constituents"]), batch_size=1024)
test_dl = DataLoader(ConstituentDataset(d["test"], d["n_constituents"]), batch_size=1024)

model = DeepSetsTagger(**cfg["model"]).to(device)
opt = torch.optim.Adam(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
loss_fn = torch.nn.BCEWithLogitsLoss()


def scores(loader):
    model.eval()
    out, lab = [], []
    with torch.inference_mode():
        for x, m, y in loader:
            out.append(torch.sigmoid(model(x.to(device), m.to(device))).cpu())
            lab.append(y)
    return torch.cat(lab).numpy(), torch.cat(out).numpy()


best_auc, n_steps = 0.0, len(train_dl)
for epoch in range(o["epochs"]):
    model.train()
    opt.zero_grad(set_to_none=True)
    for step, (x, m, y) in enumerate(train_dl, start=1):
        logits = model(x.to(device), m.to(device))
        loss = loss_fn(logits, y.to(device)) / o["accum_steps"]
        loss.backward()
        if step % o["accum_steps"] == 0 or step == n_steps:
            opt.step()
            opt.zero_grad(set_to_none=True)

    y_val, s_val = scores(val_dl)
    auc = roc_auc_score(y_val, s_val)
    print(f"epoch {epoch:02d}  val AUC {auc:.4f}")
    if auc > best_auc:
        best_auc = auc
        torch.save(model.state_dict(), "deepsets_best.pt")

model.load_state_dict(torch.load("deepsets_best.pt"))
y_te, s_te = scores(test_dl)
print(f"best val AUC {best_auc:.4f}  test AUC {roc_auc_score(y_te, s_te):.4f}")
