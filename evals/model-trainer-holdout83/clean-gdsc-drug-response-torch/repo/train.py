"""Train a two-tower drug response model evaluated on held-out cell lines."""
import json
import sys
from pathlib import Path

import numpy as np
import torch
from scipy.stats import pearsonr, spearmanr
from sklearn.linear_model import Ridge
from torch.utils.data import DataLoader

from drugresp.data import PairDataset, fit_expression_scaler, load_pairs, split_by_cell_line
from drugresp.model import TwoTowerResponse
from drugresp.utils import load_config, seed_everything


def metrics(y, p):
    return {"rmse": float(np.sqrt(np.mean((y - p) ** 2))),
            "pearson": float(pearsonr(y, p)[0]), "spearman": float(spearmanr(y, p)[0])}


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    return np.concatenate([model(c.to(device), d.to(device)).cpu().numpy() for c, d, _ in loader])


def main(cfg_path):
    cfg = load_config(cfg_path)
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    expr, fps, resp = load_pairs(cfg["data"])
    train_p, val_p, test_p = split_by_cell_line(resp, cfg["test_size"], cfg["val_size"], cfg["seed"])
    scaler = fit_expression_scaler(expr, train_p)
    ds = {k: PairDataset(p, expr, fps, scaler) for k, p in [("train", train_p), ("val", val_p), ("test", test_p)]}
    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(ds["train"], batch_size=cfg["batch_size"], shuffle=True, generator=g)
    val_dl = DataLoader(ds["val"], batch_size=2048)
    test_dl = DataLoader(ds["test"], batch_size=2048)

    drug_mean = train_p.groupby("DRUG_ID")["LN_IC50"].mean()
    p_drug_mean = test_p["DRUG_ID"].map(drug_mean).fillna(train_p["LN_IC50"].mean()).values
    X_tr, y_tr = ds["train"].numpy()
    X_te, y_te = ds["test"].numpy()
    ridge = Ridge(alpha=cfg["ridge_alpha"]).fit(X_tr, y_tr)

    model = TwoTowerResponse(expr.shape[1], fps.shape[1], dropout=cfg["dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=3)
    ckpt = Path(cfg["checkpoint"]); ckpt.parent.mkdir(parents=True, exist_ok=True)
    y_val = ds["val"].y.numpy()
    best, stale = np.inf, 0
    for epoch in range(cfg["max_epochs"]):
        model.train()
        for c, d, y in train_dl:
            opt.zero_grad()
            loss = torch.nn.functional.mse_loss(model(c.to(device), d.to(device)), y.to(device))
            loss.backward()
            opt.step()
        val_rmse = metrics(y_val, predict(model, val_dl, device))["rmse"]
        sched.step(val_rmse)
        print(f"epoch {epoch:02d} val_rmse={val_rmse:.4f}")
        if val_rmse < best - 1e-4:
            best, stale = val_rmse, 0
            torch.save({"model": model.state_dict(), "epoch": epoch}, ckpt)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    report = {
        "per_drug_mean": metrics(y_te, p_drug_mean),
        "ridge": metrics(y_te, ridge.predict(X_te)),
        "two_tower": metrics(y_te, predict(model, test_dl, device)),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
