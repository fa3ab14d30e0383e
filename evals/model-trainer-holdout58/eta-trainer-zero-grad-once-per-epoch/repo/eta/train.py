"""Train the delivery-ETA MLP.  python -m eta.train config.toml"""
from __future__ import annotations

import logging
import sys
import tomllib

import torch
import wandb
from torch import nn

from eta.data import NUMERIC, make_loaders
from eta.trainer import Trainer
from eta.utils import seed_everything


def build_model(n_in: int, hidden: list[int], dropout: float) -> nn.Module:
    layers, prev = [], n_in
    for h in hidden:
        layers += [nn.Linear(prev, h), nn.GELU(), nn.Dropout(dropout)]
        prev = h
    layers.append(nn.Linear(prev, 1))
    return nn.Sequential(*layers)


def main(config_path: str) -> None:
    logging.basicConfig(level=logging.INFO)
    with open(config_path, "rb") as fh:
        cfg = tomllib.load(fh)
    seed = cfg["run"]["seed"]
    seed_everything(seed)

    train_dl, val_dl, test_dl, median_eta = make_loaders(cfg, seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = build_model(len(NUMERIC), cfg["model"]["hidden"], cfg["model"]["dropout"])
    tc = cfg["train"]
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])

    run = wandb.init(project=cfg["run"]["wandb_project"], name=cfg["run"]["name"], config=cfg)
    trainer = Trainer(model, optimizer, device, grad_clip=tc["grad_clip"],
                      log_fn=lambda m, step: run.log(m, step=step))
    best_val = trainer.fit(train_dl, val_dl, tc["epochs"], tc["patience"], tc["checkpoint"])

    pred, target = trainer.predict(test_dl)
    err = pred - target
    summary = {
        "best_val_mae": best_val,
        "test/mae": err.abs().mean().item(),
        "test/rmse": err.pow(2).mean().sqrt().item(),
        "test/p90_abs_err": err.abs().quantile(0.9).item(),
        "baseline_median/mae": (target - median_eta).abs().mean().item(),
    }
    run.summary.update(summary)
    run.save(tc["checkpoint"])
    run.finish()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.toml")
