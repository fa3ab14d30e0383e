"""Train the HAR 1-D CNN.

    python train.py --epochs 80 --lr 1e-3
"""
import argparse
import logging
from dataclasses import fields

import torch

from har_cnn.baselines import run_baselines
from har_cnn.config import TrainConfig
from har_cnn.data import build_loaders
from har_cnn.engine import Trainer
from har_cnn.model import HARConvNet
from har_cnn.tracking import start_run
from har_cnn.utils import set_seed

logging.basicConfig(level=logging.INFO)


def parse_config() -> TrainConfig:
    parser = argparse.ArgumentParser()
    for f in fields(TrainConfig):
        parser.add_argument(f"--{f.name.replace('_', '-')}", type=type(f.default), default=f.default)
    return TrainConfig(**vars(parser.parse_args()))


def main() -> None:
    cfg = parse_config()
    set_seed(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    run = start_run(cfg)

    train_loader, val_loader, _, raw = build_loaders(cfg.data_dir, cfg.batch_size, cfg.num_workers, cfg.seed)
    run.log(run_baselines(*raw, seed=cfg.seed))

    model = HARConvNet(dropout=cfg.dropout)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=4)
    trainer = Trainer(model, optimizer, scheduler, device, cfg.ckpt_dir, cfg.patience, run=run)
    best = trainer.fit(train_loader, val_loader, cfg.epochs)
    run.summary["best_val_macro_f1"] = best
    run.finish()


if __name__ == "__main__":
    main()
