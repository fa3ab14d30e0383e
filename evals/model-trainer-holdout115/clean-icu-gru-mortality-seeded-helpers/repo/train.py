import copy
import json

import torch

from src.data import build_loaders
from src.engine import evaluate, train_one_epoch
from src.model import GRUMortality
from src.reproducibility import set_seed

cfg = json.load(open("config.json"))
gen = set_seed(cfg["seed"])
train_dl, val_dl, test_dl, n_in = build_loaders(cfg, gen)

model = GRUMortality(n_in, cfg["hidden"], cfg["layers"], cfg["dropout"])
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
loss_fn = torch.nn.BCEWithLogitsLoss()

best_auc, best_state, wait = -1.0, None, 0
for epoch in range(cfg["epochs"]):
    tr_loss = train_one_epoch(model, train_dl, opt, loss_fn)
    val = evaluate(model, val_dl)
    print(f"[{epoch:02d}] train_loss={tr_loss:.4f} val_auroc={val['auroc']:.4f} val_auprc={val['auprc']:.4f}")
    if val["auroc"] > best_auc:
        best_auc, best_state, wait = val["auroc"], copy.deepcopy(model.state_dict()), 0
    else:
        wait += 1
        if wait >= cfg["patience"]:
            break

model.load_state_dict(best_state)
test = evaluate(model, test_dl)
print(f"test auroc={test['auroc']:.4f} auprc={test['auprc']:.4f} (best val auroc {best_auc:.4f})")
torch.save({"state_dict": model.state_dict(), "config": cfg}, "gru_mortality.pt")
