"""python train.py --config configs/har_cnn.yaml"""
from __future__ import annotations

import argparse
import json
import logging
import random

import numpy as np
import torch
import yaml

from sensornet.data import build_loaders
from sensornet.engine import Trainer
from sensornet.model import HARNet


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/har_cnn.yaml")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    cfg = yaml.safe_load(open(args.config))
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    loaders = build_loaders(cfg["data"]["root"], cfg["data"]["batch_size"], cfg["data"]["num_workers"], cfg["seed"])
    model = HARNet(**cfg["model"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"],
                                  weight_decay=cfg["optim"]["weight_decay"])
    total_steps = cfg["trainer"]["max_epochs"] * len(loaders["train"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=cfg["optim"]["lr"], total_steps=total_steps)

    test_metrics = Trainer(model, optimizer, scheduler, cfg, device).fit(loaders)
    print(json.dumps(test_metrics, indent=2))


if __name__ == "__main__":
    main()
