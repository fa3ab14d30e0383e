"""MLP on ECFP counts for human liver microsome intrinsic clearance (log10 CLint, uL/min/mg)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from rdkit import Chem
from rdkit.Chem import rdFingerprintGenerator
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def ecfp_counts(smiles, n_bits=2048):
    gen = rdFingerprintGenerator.GetMorganGenerator(radius=2, fpSize=n_bits)
    fps = [gen.GetCountFingerprintAsNumPy(Chem.MolFromSmiles(s)) for s in smiles]
    return np.log1p(np.stack(fps).astype(np.float32))


class ClintMLP(nn.Module):
    def __init__(self, n_in, hidden=1024, dropout=0.3):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_in, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.BatchNorm1d(hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.net(x)


def predict(model, loader, device):
    model.eval()
    out = []
    with torch.inference_mode():
        for xb, _ in loader:
            out.append(model(xb.to(device)).float().cpu())
    return torch.cat(out).squeeze(-1).numpy()


def scores(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))), "mae": float(mean_absolute_error(y, p)),
            "r2": float(r2_score(y, p))}


def main(a):
    set_seed(a.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    df = pd.read_csv(a.csv)
    X, y = ecfp_counts(df["smiles"]), np.log10(df["clint_ul_min_mg"].clip(lower=1.0)).to_numpy(np.float32)
    X_tv, X_te, y_tv, y_te = train_test_split(X, y, test_size=0.15, random_state=a.seed)
    X_tr, X_va, y_tr, y_va = train_test_split(X_tv, y_tv, test_size=0.15, random_state=a.seed)

    mk = lambda X_, y_, sh: DataLoader(TensorDataset(torch.from_numpy(X_), torch.from_numpy(y_).unsqueeze(-1)),
                                       batch_size=a.micro_batch, shuffle=sh, drop_last=sh)
    train_dl, val_dl, test_dl = mk(X_tr, y_tr, True), mk(X_va, y_va, False), mk(X_te, y_te, False)

    model = ClintMLP(X.shape[1]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=1e-4)
    scaler = torch.cuda.amp.GradScaler(enabled=(device == "cuda"))
    loss_fn = nn.SmoothL1Loss()
    ckpt = Path(a.ckpt)
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best, stale = float("inf"), 0

    for epoch in range(a.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (xb, yb) in enumerate(train_dl, start=1):
            with torch.autocast(device_type=device, dtype=torch.float16, enabled=(device == "cuda")):
                loss = loss_fn(model(xb.to(device)), yb.to(device)) / a.accum_steps
            scaler.scale(loss).backward()
            if step % a.accum_steps == 0 or step == len(train_dl):
                scaler.unscale_(opt)
                nn.utils.clip_grad_norm_(model.parameters(), 5.0)
                scaler.step(opt)
                scaler.update()
                opt.zero_grad(set_to_none=True)

        val_rmse = scores(y_va, predict(model, val_dl, device))["rmse"]
        if val_rmse < best - 1e-4:
            best, stale = val_rmse, 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "val_rmse": val_rmse}, ckpt)
        else:
            stale += 1
        if stale >= a.patience:
            break

    model.load_state_dict(torch.load(ckpt, map_location=device)["model"])
    ridge = Ridge(alpha=10.0).fit(X_tr, y_tr)
    report = {"best_val_rmse": best, "mlp": scores(y_te, predict(model, test_dl, device)),
              "ridge": scores(y_te, ridge.predict(X_te)),
              "train_mean": scores(y_te, np.full_like(y_te, y_tr.mean()))}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--csv", default="data/hlm_clint.csv")
    p.add_argument("--micro-batch", type=int, default=32)
    p.add_argument("--accum-steps", type=int, default=4)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--epochs", type=int, default=200)
    p.add_argument("--patience", type=int, default=15)
    p.add_argument("--seed", type=int, default=123)
    p.add_argument("--ckpt", default="checkpoints/clint_mlp.pt")
    main(p.parse_args())
