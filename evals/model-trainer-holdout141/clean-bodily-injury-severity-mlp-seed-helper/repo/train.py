"""Bodily-injury claim severity (log settled amount) - MLP."""
import copy
import json

import numpy as np
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from data import load_and_split, make_preprocessor, to_dataset
from utils import set_seed

cfg = json.load(open("config.json"))
set_seed(cfg["seed"])

train, valid, test = load_and_split(cfg)
prep = make_preprocessor(cfg).fit(train[cfg["numeric"] + cfg["categorical"]])
train_dl = DataLoader(to_dataset(prep, train, cfg), batch_size=cfg["batch_size"], shuffle=True)
valid_dl = DataLoader(to_dataset(prep, valid, cfg), batch_size=2048)
test_dl = DataLoader(to_dataset(prep, test, cfg), batch_size=2048)

d_in = train_dl.dataset.tensors[0].shape[1]
layers, d = [], d_in
for h in cfg["hidden"]:
    layers += [nn.Linear(d, h), nn.ReLU(), nn.Dropout(cfg["dropout"])]
    d = h
model = nn.Sequential(*layers, nn.Linear(d, 1))
opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
loss_fn = nn.MSELoss()


def evaluate(loader):
    model.eval()
    preds, ys = [], []
    with torch.no_grad():
        for xb, yb in loader:
            preds.append(model(xb).squeeze(1))
            ys.append(yb)
    p, y = torch.cat(preds), torch.cat(ys)
    return loss_fn(p, y).item(), p.numpy(), y.numpy()


best_loss, best_state, bad_epochs = float("inf"), None, 0
for epoch in range(cfg["max_epochs"]):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss = loss_fn(model(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
    val_loss, _, _ = evaluate(valid_dl)
    if val_loss < best_loss - 1e-4:
        best_loss, best_state, bad_epochs = val_loss, copy.deepcopy(model.state_dict()), 0
    else:
        bad_epochs += 1
    if bad_epochs >= cfg["patience"]:
        print(f"early stop at epoch {epoch}")
        break

model.load_state_dict(best_state)
test_mse, p, y = evaluate(test_dl)
amount_pred, amount = np.exp(p), np.exp(y)
print(json.dumps({
    "valid_mse_log": best_loss,
    "test_mse_log": test_mse,
    "test_mae_amount": float(np.abs(amount_pred - amount).mean()),
    "test_pred_over_actual": float(amount_pred.sum() / amount.sum()),
}, indent=2))
torch.save(model.state_dict(), "bi_severity_mlp.pt")
