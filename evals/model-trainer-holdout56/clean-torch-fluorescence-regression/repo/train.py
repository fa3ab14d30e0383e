"""Regress avGFP log-fluorescence from ESM-2 embeddings; extrapolate from <=3 to >=4 mutations."""
import argparse
import json
from pathlib import Path

import numpy as np
import torch
import yaml
from scipy.stats import spearmanr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_squared_error, r2_score

from gfp.data import load_gfp, make_loader
from gfp.model import FluorescenceHead
from gfp.utils import seed_everything


def run_epoch(model, loader, loss_fn, device, optimizer=None):
    training = optimizer is not None
    model.train(training)
    total, preds = 0.0, []
    with torch.set_grad_enabled(training):
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            if training:
                optimizer.zero_grad(set_to_none=True)
            out = model(xb)
            loss = loss_fn(out, yb)
            if training:
                loss.backward()
                optimizer.step()
            total += loss.item() * len(xb)
            preds.append(out.detach().cpu().numpy())
    return total / len(loader.dataset), np.concatenate(preds)


def report(y, p):
    return {"spearman": float(spearmanr(y, p).correlation), "mse": float(mean_squared_error(y, p)),
            "r2": float(r2_score(y, p))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    gen = seed_everything(cfg["seed"])
    rng = np.random.default_rng(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    d = cfg["data"]
    splits = load_gfp(d["table"], d["embeddings"], d["max_train_mutations"], d["val_fraction"], rng)
    (X_tr, y_tr), (X_va, y_va), (X_te, y_te) = splits["train"], splits["val"], splits["test"]
    t = cfg["train"]
    train_dl = make_loader(X_tr, y_tr, t["batch_size"], shuffle=True, generator=gen)
    val_dl = make_loader(X_va, y_va, 1024, shuffle=False)
    test_dl = make_loader(X_te, y_te, 1024, shuffle=False)

    ridge = RidgeCV(alphas=np.logspace(-2, 4, 13)).fit(X_tr, y_tr)

    model = FluorescenceHead(X_tr.shape[1], cfg["model"]["hidden"], cfg["model"]["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=t["lr"], weight_decay=t["weight_decay"])
    loss_fn = torch.nn.MSELoss()
    ckpt = Path(cfg["paths"]["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    best, waited = float("inf"), 0
    for epoch in range(t["epochs"]):
        tr_loss, _ = run_epoch(model, train_dl, loss_fn, device, opt)
        va_loss, va_pred = run_epoch(model, val_dl, loss_fn, device)
        if epoch % 10 == 0:
            print(f"epoch {epoch}: train {tr_loss:.4f} val {va_loss:.4f} "
                  f"val_rho {spearmanr(y_va, va_pred).correlation:.3f}")
        if va_loss < best - 1e-4:
            best, waited = va_loss, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "config": cfg}, ckpt)
        else:
            waited += 1
            if waited >= t["patience"]:
                print(f"stopping at epoch {epoch}, best val MSE {best:.4f}")
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    _, te_pred = run_epoch(model, test_dl, loss_fn, device)
    metrics = {"mlp": report(y_te, te_pred), "ridge": report(y_te, ridge.predict(X_te)),
               "n_train": int(len(y_tr)), "n_test": int(len(y_te))}
    print(json.dumps(metrics, indent=2))
    Path(cfg["paths"]["metrics"]).parent.mkdir(parents=True, exist_ok=True)
    Path(cfg["paths"]["metrics"]).write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
