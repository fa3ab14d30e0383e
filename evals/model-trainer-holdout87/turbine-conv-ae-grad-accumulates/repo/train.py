"""Fit a 1D-conv autoencoder on healthy SCADA windows for turbine WTG04."""
import json
import random
import sys

import numpy as np
import torch
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from torch.utils.data import DataLoader

from turbine_ad.dataset import ScadaWindows, chronological_split, load_scada
from turbine_ad.models import ConvAutoencoder
from turbine_ad.trainer import AETrainer


def main(cfg_path):
    with open(cfg_path) as f:
        cfg = json.load(f)
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = load_scada(cfg["data_path"], cfg["signals"])
    train_df, val_df, test_df = chronological_split(df, cfg["train_end"], cfg["val_end"])
    train_df = train_df[train_df["fault_code_active"] == 0]
    val_normal = val_df[val_df["fault_code_active"] == 0]

    mean = train_df[cfg["signals"]].mean()
    std = train_df[cfg["signals"]].std() + 1e-6
    make = lambda frame: ScadaWindows(frame, cfg["signals"], cfg["window"], cfg["stride"], mean, std)
    train_loader = DataLoader(make(train_df), batch_size=cfg["batch_size"], shuffle=True)
    val_loader = DataLoader(make(val_normal), batch_size=256)
    test_loader = DataLoader(make(test_df), batch_size=256)

    trainer = AETrainer(ConvAutoencoder(len(cfg["signals"])), cfg["lr"], device,
                        cfg["checkpoint"], cfg["patience"])
    trainer.fit(train_loader, val_loader, cfg["epochs"])

    val_err, _ = trainer.window_errors(val_loader)
    threshold = float(np.quantile(val_err, cfg["threshold_quantile"]))
    test_err, test_y = trainer.window_errors(test_loader)
    pred = (test_err > threshold).astype(int)

    report = {
        "threshold": threshold,
        "test_windows": int(len(test_y)),
        "test_fault_windows": int(test_y.sum()),
        "roc_auc": roc_auc_score(test_y, test_err),
        "avg_precision": average_precision_score(test_y, test_err),
        "f1_at_threshold": f1_score(test_y, pred, zero_division=0),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
