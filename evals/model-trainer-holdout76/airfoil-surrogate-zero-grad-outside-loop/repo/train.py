"""Train an MLP surrogate for XFOIL polars (Cl, log10 Cd, Cm) from CST shape + flow conditions."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from sklearn.linear_model import Ridge
from sklearn.preprocessing import PolynomialFeatures
from torch.utils.data import DataLoader

from surrogate.data import load_sweep, make_datasets, split_indices
from surrogate.model import SurrogateMLP
from surrogate.trainer import evaluate, fit


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def per_target_mae(model, ds, y_scaler, device):
    x, y = ds.tensors
    model.eval()
    with torch.no_grad():
        pred = model(x.to(device)).cpu().numpy()
    return np.abs(y_scaler.inverse(pred) - y_scaler.inverse(y.numpy())).mean(axis=0)


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"
    x, y = load_sweep(cfg["data"])
    splits = split_indices(len(x), cfg["data"]["val_frac"], cfg["data"]["test_frac"], cfg["seed"])
    (ds_tr, ds_va, ds_te), x_scaler, y_scaler = make_datasets(x, y, splits)

    tc = cfg["train"]
    loaders = {"train": DataLoader(ds_tr, batch_size=tc["batch_size"], shuffle=True, drop_last=True),
               "val": DataLoader(ds_va, batch_size=4096)}
    model = SurrogateMLP(x.shape[1], y.shape[1], cfg["model"]["hidden"], cfg["model"]["activation"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=10)
    Path(cfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)

    model = fit(model, loaders, optimizer, scheduler, torch.nn.MSELoss(), device,
                tc["epochs"], tc["patience"], tc["grad_clip"], cfg["checkpoint"])

    # quadratic response-surface baseline, common in aerodynamic design studies
    xtr, ytr = ds_tr.tensors
    xte, yte = ds_te.tensors
    poly = PolynomialFeatures(degree=2)
    rsm = Ridge(alpha=1e-3).fit(poly.fit_transform(xtr.numpy()), ytr.numpy())
    rsm_mae = np.abs(y_scaler.inverse(rsm.predict(poly.transform(xte.numpy())))
                     - y_scaler.inverse(yte.numpy())).mean(axis=0)
    mlp_mae = per_target_mae(model, ds_te, y_scaler, device)
    test_mse = evaluate(model, DataLoader(ds_te, batch_size=4096), torch.nn.MSELoss(), device)

    report = {"test_mse_std_units": test_mse,
              "mae_mlp": dict(zip(cfg["data"]["targets"], mlp_mae.round(5).tolist())),
              "mae_rsm": dict(zip(cfg["data"]["targets"], rsm_mae.round(5).tolist())),
              "x_scaler": x_scaler.state_dict(), "y_scaler": y_scaler.state_dict()}
    print(json.dumps({k: v for k, v in report.items() if "scaler" not in k}, indent=2))
    Path(cfg["checkpoint"]).with_suffix(".json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="config.yaml")
    with open(p.parse_args().config) as fh:
        main(yaml.safe_load(fh))
