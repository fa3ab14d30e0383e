import argparse
import json
import logging
import random

import numpy as np
import torch
from torch.utils.data import DataLoader

from tugfuel.data import load_splits, NUMERIC
from tugfuel.model import FuelMLP
from tugfuel.trainer import Trainer


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--config", default="configs/tug.json")
    cfg = json.load(open(p.parse_args().config))
    logging.basicConfig(level=logging.INFO)

    random.seed(cfg["seed"]); np.random.seed(cfg["seed"]); torch.manual_seed(cfg["seed"])

    (train_ds, val_ds, test_ds), y_mean = load_splits(cfg["data_csv"], cfg["target"], cfg["seed"])
    g = torch.Generator().manual_seed(cfg["seed"])
    train_loader = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, generator=g)
    val_loader = DataLoader(val_ds, batch_size=512)
    test_loader = DataLoader(test_ds, batch_size=512)

    model = FuelMLP(len(NUMERIC), cfg["hidden"], cfg["dropout"])
    trainer = Trainer(model, cfg["lr"], cfg["weight_decay"], cfg["ckpt"], cfg["patience"])
    best_val = trainer.fit(train_loader, val_loader, cfg["max_epochs"])

    test_mse = trainer.evaluate(test_loader)
    mean_mse = float(((test_ds.y - y_mean) ** 2).mean())
    test_mae = float(torch.cat([(trainer.model(xb) - yb).abs() for xb, yb in test_loader]).mean())
    print(f"best val MSE {best_val:.4f} | test MSE {test_mse:.4f} MAE {test_mae:.4f} | mean-baseline MSE {mean_mse:.4f}")


if __name__ == "__main__":
    main()
