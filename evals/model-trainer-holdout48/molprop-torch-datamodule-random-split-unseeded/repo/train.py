"""python train.py configs/solubility_mlp.yaml"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score
from torch import nn

from molprop.data import FingerprintDataModule
from molprop.model import FingerprintMLP


def run_epoch(model, loader, loss_fn, optimizer=None):
    training = optimizer is not None
    model.train(training)
    total, n = 0.0, 0
    with torch.set_grad_enabled(training):
        for x, y in loader:
            pred = model(x)
            loss = loss_fn(pred, y)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total += loss.item() * len(y)
            n += len(y)
    return total / n


@torch.no_grad()
def predict(model, loader):
    model.eval()
    preds, ys = zip(*[(model(x), y) for x, y in loader])
    return torch.cat(preds).squeeze(1).numpy(), torch.cat(ys).squeeze(1).numpy()


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    dm = FingerprintDataModule(cfg)
    dm.setup()
    model = FingerprintMLP(dm.n_features, **cfg["model"])
    optimizer = torch.optim.Adam(model.parameters(), **cfg["optim"])
    loss_fn = nn.MSELoss()

    best, wait = float("inf"), 0
    for epoch in range(cfg["trainer"]["max_epochs"]):
        tr = run_epoch(model, dm.loader("train"), loss_fn, optimizer)
        va = run_epoch(model, dm.loader("val"), loss_fn)
        if va < best:
            best, wait = va, 0
            Path(cfg["trainer"]["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
            torch.save(model.state_dict(), cfg["trainer"]["checkpoint"])
        else:
            wait += 1
            if wait >= cfg["trainer"]["patience"]:
                break
        print(f"epoch {epoch:03d} train_mse {tr:.4f} val_mse {va:.4f}")

    model.load_state_dict(torch.load(cfg["trainer"]["checkpoint"]))
    pred, y = predict(model, dm.loader("test"))

    X_tr = np.stack([x.numpy() for x, _ in dm.train])
    y_tr = np.array([float(t) for _, t in dm.train])
    X_te = np.stack([x.numpy() for x, _ in dm.test])
    ridge = Ridge(alpha=10.0).fit(X_tr, y_tr)
    ridge_pred = ridge.predict(X_te)
    print(json.dumps({
        "mlp": {"mae": float(mean_absolute_error(y, pred)), "r2": float(r2_score(y, pred))},
        "ridge": {"mae": float(mean_absolute_error(y, ridge_pred)), "r2": float(r2_score(y, ridge_pred))},
    }, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
