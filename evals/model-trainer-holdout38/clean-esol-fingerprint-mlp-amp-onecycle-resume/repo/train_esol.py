"""Aqueous solubility (ESOL, log mol/L) from Morgan fingerprints with an MLP.

Uses the scaffold split shipped in data/esol_scaffold/{train,valid,test}.csv (columns: smiles, logS),
so test molecules have scaffolds never seen in training.

    python train_esol.py --epochs 200            # fresh run
    python train_esol.py --epochs 200 --resume   # continue from runs/esol/last.pt
"""
import argparse
import random
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from rdkit import Chem
from rdkit.Chem import AllChem
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


@dataclass
class Config:
    data_dir: str = "data/esol_scaffold"
    out_dir: str = "runs/esol"
    radius: int = 2
    n_bits: int = 2048
    hidden: int = 512
    dropout: float = 0.2
    max_lr: float = 2e-3
    batch_size: int = 64
    epochs: int = 200
    patience: int = 25
    seed: int = 77


def fingerprints(smiles, radius, n_bits):
    out = np.zeros((len(smiles), n_bits), dtype=np.float32)
    for k, s in enumerate(smiles):
        mol = Chem.MolFromSmiles(s)
        bv = AllChem.GetMorganFingerprintAsBitVect(mol, radius, nBits=n_bits)
        out[k, list(bv.GetOnBits())] = 1.0
    return out


def regression_report(y, p):
    return {"mae": mean_absolute_error(y, p), "rmse": mean_squared_error(y, p) ** 0.5,
            "r2": r2_score(y, p)}


@torch.no_grad()
def predict(model, loader, device, y_mean, y_std):
    model.eval()
    outs = [model(xb.to(device)).float().cpu() for xb, _ in loader]
    return torch.cat(outs).squeeze(-1).numpy() * y_std + y_mean


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=Config.epochs)
    ap.add_argument("--resume", action="store_true")
    cli = ap.parse_args()
    cfg = Config(epochs=cli.epochs)

    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    parts = {k: pd.read_csv(Path(cfg.data_dir) / f"{k}.csv") for k in ("train", "valid", "test")}
    X = {k: fingerprints(v["smiles"], cfg.radius, cfg.n_bits) for k, v in parts.items()}
    Y = {k: v["logS"].to_numpy(np.float32) for k, v in parts.items()}

    y_mean, y_std = float(Y["train"].mean()), float(Y["train"].std())

    def loader(k, shuffle=False):
        ds = TensorDataset(torch.from_numpy(X[k]),
                           torch.from_numpy((Y[k] - y_mean) / y_std).unsqueeze(-1))
        return DataLoader(ds, batch_size=cfg.batch_size, shuffle=shuffle,
                          generator=torch.Generator().manual_seed(cfg.seed) if shuffle else None)

    train_dl, valid_dl, test_dl = loader("train", True), loader("valid"), loader("test")

    model = nn.Sequential(
        nn.Linear(cfg.n_bits, cfg.hidden), nn.ReLU(), nn.Dropout(cfg.dropout),
        nn.Linear(cfg.hidden, cfg.hidden // 2), nn.ReLU(), nn.Dropout(cfg.dropout),
        nn.Linear(cfg.hidden // 2, 1),
    ).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.max_lr / 25, weight_decay=1e-2)
    # OneCycle is defined per optimisation step, hence scheduler.step() inside the batch loop
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=cfg.max_lr, epochs=cfg.epochs,
                                                steps_per_epoch=len(train_dl))
    use_amp = device.type == "cuda"
    scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
    loss_fn = nn.MSELoss()

    start_epoch, best_rmse, bad = 0, float("inf"), 0
    if cli.resume and (out / "last.pt").exists():
        state = torch.load(out / "last.pt", map_location=device)
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        scaler.load_state_dict(state["scaler"])
        start_epoch, best_rmse, bad = state["epoch"] + 1, state["best_rmse"], state["bad"]
        print(f"resumed at epoch {start_epoch}, best val RMSE {best_rmse:.4f}")

    for epoch in range(start_epoch, cfg.epochs):
        model.train()
        for xb, yb in train_dl:
            xb, yb = xb.to(device), yb.to(device)
            opt.zero_grad(set_to_none=True)
            with torch.autocast(device_type=device.type, dtype=torch.float16, enabled=use_amp):
                loss = loss_fn(model(xb), yb)
            scaler.scale(loss).backward()
            scaler.unscale_(opt)
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            scaler.step(opt)
            scaler.update()
            sched.step()

        val = regression_report(Y["valid"], predict(model, valid_dl, device, y_mean, y_std))
        improved = val["rmse"] < best_rmse - 1e-4
        if improved:
            best_rmse, bad = val["rmse"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            bad += 1
        torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "sched": sched.state_dict(),
                    "scaler": scaler.state_dict(), "epoch": epoch, "best_rmse": best_rmse, "bad": bad,
                    "config": asdict(cfg)}, out / "last.pt")
        if epoch % 10 == 0 or improved:
            print(f"epoch {epoch:03d} val {val}{' *' if improved else ''}")
        if bad >= cfg.patience:
            print("early stopping")
            break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    ridge = Ridge(alpha=10.0).fit(X["train"], Y["train"])
    print("mean predictor  test", regression_report(Y["test"], np.full_like(Y["test"], y_mean)))
    print("ridge on ECFP4  test", regression_report(Y["test"], ridge.predict(X["test"])))
    print("MLP             test", regression_report(Y["test"], predict(model, test_dl, device, y_mean, y_std)))


if __name__ == "__main__":
    main()
