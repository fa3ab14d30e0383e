"""Proxy means test: household consumption per adult equivalent from observable assets.

python -m pmt.train --config pmt/config.yaml
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_squared_error, r2_score
from torch.utils.data import DataLoader, TensorDataset

from pmt.data import arrays, ea_split, fit_preprocessor
from pmt.model import ConsumptionMLP, predict
from pmt.utils import load_config, set_seed


def targeting_errors(y_true, y_pred, line, w):
    poor, flagged = y_true < line, y_pred < line
    exclusion = np.average(~flagged[poor], weights=w[poor])
    inclusion = np.average(~poor[flagged], weights=w[flagged]) if flagged.any() else float("nan")
    return exclusion, inclusion


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="pmt/config.yaml")
    cfg = load_config(ap.parse_args().config)
    gen = set_seed(cfg["seed"])
    tcfg = cfg["train"]

    df = pd.read_parquet(cfg["data_path"])
    train, valid, test = ea_split(df, cfg["cluster"], cfg["seed"])
    pre = fit_preprocessor(train, cfg)
    (Xtr, ytr, wtr), (Xva, yva, wva), (Xte, yte, wte) = (arrays(pre, f, cfg) for f in (train, valid, test))

    ds = TensorDataset(torch.from_numpy(Xtr), torch.from_numpy(ytr), torch.from_numpy(wtr / wtr.mean()))
    loader = DataLoader(ds, batch_size=tcfg["batch_size"], shuffle=True, generator=gen)
    model = ConsumptionMLP(Xtr.shape[1], tcfg["hidden"], tcfg["dropout"])
    opt = torch.optim.Adam(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    Xva_t = torch.from_numpy(Xva)

    best, stale, ckpt = np.inf, 0, Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(tcfg["max_epochs"]):
        model.train()
        for xb, yb, wb in loader:
            model.zero_grad(set_to_none=True)
            loss = (wb * (model(xb) - yb) ** 2).mean()
            loss.backward()
            opt.step()
        val_rmse = mean_squared_error(yva, predict(model, Xva_t).numpy(), sample_weight=wva) ** 0.5
        if val_rmse < best - 1e-4:
            best, stale = val_rmse, 0
            torch.save({"state": model.state_dict(), "epoch": epoch}, ckpt)
        else:
            stale += 1
            if stale >= tcfg["patience"]:
                break
    state = torch.load(ckpt)
    model.load_state_dict(state["state"])
    print(f"best epoch {state['epoch']} val RMSE {best:.4f}")

    ridge = RidgeCV(alphas=np.logspace(-2, 3, 20)).fit(Xtr, ytr, sample_weight=wtr)
    line = cfg["poverty_line_log"]
    for name, pred in [("mlp", predict(model, torch.from_numpy(Xte)).numpy()), ("ridge_pmt", ridge.predict(Xte))]:
        rmse = mean_squared_error(yte, pred, sample_weight=wte) ** 0.5
        excl, incl = targeting_errors(yte, pred, line, wte)
        print(f"{name:>10} RMSE={rmse:.4f} R2={r2_score(yte, pred, sample_weight=wte):.3f} "
              f"exclusion={excl:.3f} inclusion={incl:.3f}")


if __name__ == "__main__":
    main()
