"""MLP on Morgan fingerprints -> solubility (logS).

Splits are precomputed scaffold splits (splits/scaffold_seed0.json) so that
molecules sharing a Bemis-Murcko scaffold never cross train/valid/test.
"""
import argparse
import json
import logging
import random
from dataclasses import dataclass, asdict
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from torch.utils.data import DataLoader, TensorDataset

log = logging.getLogger("fp_mlp")


@dataclass
class Config:
    data: str = "data/esol_fp2048.parquet"
    split_file: str = "splits/scaffold_seed0.json"
    hidden: int = 512
    dropout: float = 0.2
    lr: float = 1e-3
    weight_decay: float = 1e-5
    batch_size: int = 128
    max_epochs: int = 300
    patience: int = 25
    seed: int = 0
    out_dir: str = "checkpoints/fp_mlp"


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class FingerprintMLP(nn.Module):
    def __init__(self, n_bits: int, hidden: int, dropout: float):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(n_bits, hidden), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden, hidden // 2), nn.ReLU(), nn.Dropout(dropout),
            nn.Linear(hidden // 2, 1),
        )

    def forward(self, x):
        return self.body(x).squeeze(-1)


def load_split(cfg: Config):
    df = pd.read_parquet(cfg.data)
    idx = json.loads(Path(cfg.split_file).read_text())
    fp_cols = [c for c in df.columns if c.startswith("fp_")]
    parts = {}
    for name in ("train", "valid", "test"):
        sub = df.iloc[idx[name]]
        x = torch.tensor(sub[fp_cols].to_numpy(np.float32))
        y = torch.tensor(sub["logS"].to_numpy(np.float32))
        parts[name] = TensorDataset(x, y)
    return parts, len(fp_cols)


@torch.no_grad()
def predict(model, loader, device):
    model.eval()
    preds, targets = [], []
    for xb, yb in loader:
        preds.append(model(xb.to(device)).cpu())
        targets.append(yb)
    return torch.cat(preds).numpy(), torch.cat(targets).numpy()


def regression_report(y_true, y_pred):
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
    }


def main(cfg: Config):
    set_seed(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    parts, n_bits = load_split(cfg)
    g = torch.Generator().manual_seed(cfg.seed)
    train_loader = DataLoader(parts["train"], batch_size=cfg.batch_size, shuffle=True, generator=g)
    valid_loader = DataLoader(parts["valid"], batch_size=512)
    test_loader = DataLoader(parts["test"], batch_size=512)

    # baseline: predict the training-set mean for every molecule
    y_train = parts["train"].tensors[1].numpy()
    y_valid = parts["valid"].tensors[1].numpy()
    base = regression_report(y_valid, np.full_like(y_valid, y_train.mean()))
    log.info("mean-predictor baseline on valid: %s", base)

    model = FingerprintMLP(n_bits, cfg.hidden, cfg.dropout).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    criterion = nn.MSELoss()
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)

    best_rmse, bad_epochs = float("inf"), 0
    for epoch in range(cfg.max_epochs):
        model.train()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(xb)

        val_pred, val_true = predict(model, valid_loader, device)
        val = regression_report(val_true, val_pred)
        log.info("epoch %d train_mse %.4f valid %s", epoch, running / len(parts["train"]), val)
        if val["rmse"] < best_rmse - 1e-4:
            best_rmse, bad_epochs = val["rmse"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg.patience:
                log.info("early stop at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test_pred, test_true = predict(model, test_loader, device)
    report = {"config": asdict(cfg), "baseline_valid": base,
              "valid_rmse": best_rmse, "test": regression_report(test_true, test_pred)}
    (out / "report.json").write_text(json.dumps(report, indent=2))
    log.info("test: %s", report["test"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    parser = argparse.ArgumentParser()
    for field, default in asdict(Config()).items():
        parser.add_argument(f"--{field.replace('_', '-')}", type=type(default), default=default)
    main(Config(**vars(parser.parse_args())))
