"""Quark vs gluon jet classification from jet-shape observables with a BatchNorm MLP."""
import json
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from qg_utils import jet_observables, seed_all

cfg = yaml.safe_load(open("config.yaml"))
seed_all(cfg["seed"])

raw = np.load(cfg["data"])
feats, labels = jet_observables(raw["X"]), raw["y"].astype(np.float32)    # y = 1 for quark jets
idx = np.arange(len(labels))
idx_trval, idx_test = train_test_split(idx, test_size=cfg["test_frac"], stratify=labels, random_state=cfg["seed"])
idx_train, idx_val = train_test_split(idx_trval, test_size=cfg["val_frac"] / (1 - cfg["test_frac"]),
                                      stratify=labels[idx_trval], random_state=cfg["seed"])


def loader(ids, shuffle):
    ds = TensorDataset(torch.from_numpy(feats[ids]), torch.from_numpy(labels[ids]))
    return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle)


train_dl, val_dl, test_dl = loader(idx_train, True), loader(idx_val, False), loader(idx_test, False)


class JetMLP(nn.Module):
    def __init__(self, n_in, hidden):
        super().__init__()
        layers = [nn.BatchNorm1d(n_in)]
        d = n_in
        for h in hidden:
            layers += [nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Dropout(0.1)]
            d = h
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x).squeeze(-1)


@torch.no_grad()
def scores_of(model, dl):
    model.eval()
    return torch.cat([torch.sigmoid(model(xb)) for xb, _ in dl]).numpy()


def rejection_at_50(y, s):
    fpr, tpr, _ = roc_curve(y, s)
    return float(1.0 / np.interp(0.5, tpr, fpr))


model = JetMLP(feats.shape[1], cfg["hidden"])
opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
loss_fn = nn.BCEWithLogitsLoss()
Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
best_auc, bad_epochs = 0.0, 0

for epoch in range(cfg["epochs"]):
    model.train()
    for xb, yb in train_dl:
        opt.zero_grad()
        loss_fn(model(xb), yb).backward()
        opt.step()
    val_auc = roc_auc_score(labels[idx_val], scores_of(model, val_dl))
    if val_auc > best_auc:
        best_auc, bad_epochs = val_auc, 0
        torch.save(model.state_dict(), cfg["checkpoint"])
    else:
        bad_epochs += 1
        if bad_epochs >= cfg["patience"]:
            break
    print(f"epoch {epoch:3d}  val AUC {val_auc:.4f}")

model.load_state_dict(torch.load(cfg["checkpoint"]))
y_test = labels[idx_test]
s_mlp = scores_of(model, test_dl)
s_mult = -feats[idx_test, 0]          # fewer constituents -> more quark-like
report = {
    "mlp": {"auc": roc_auc_score(y_test, s_mlp), "rej@50": rejection_at_50(y_test, s_mlp)},
    "multiplicity_only": {"auc": roc_auc_score(y_test, s_mult), "rej@50": rejection_at_50(y_test, s_mult)},
    "best_val_auc": best_auc,
}
print(json.dumps(report, indent=2, default=float))
