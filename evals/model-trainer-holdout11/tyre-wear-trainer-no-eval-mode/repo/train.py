import argparse
import logging
import random

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from tyrewear.data import COMPOUNDS, NUMERIC, TARGET, StintDataset, fit_stats
from tyrewear.model import WearMLP
from tyrewear.trainer import Trainer

logging.basicConfig(level=logging.INFO)


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/mlp.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed_all(cfg["seed"])

    stints = pd.read_csv(cfg["data"])
    # hold out whole race weekends so the same track conditions never appear on both sides
    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg["seed"])
    dev_idx, test_idx = next(outer.split(stints, groups=stints["event_id"]))
    dev, test = stints.iloc[dev_idx], stints.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=cfg["seed"])
    tr_idx, va_idx = next(inner.split(dev, groups=dev["event_id"]))
    train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

    mean, std = fit_stats(train)
    loaders = {
        name: DataLoader(StintDataset(frame, mean, std), batch_size=cfg["batch_size"], shuffle=(name == "train"))
        for name, frame in [("train", train), ("val", val), ("test", test)]
    }

    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = WearMLP(len(NUMERIC) + len(COMPOUNDS), tuple(cfg["hidden"]), cfg["dropout"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    trainer = Trainer(model, opt, torch.nn.SmoothL1Loss(), device, cfg["ckpt"], cfg["patience"])
    trainer.fit(loaders["train"], loaders["val"], cfg["max_epochs"])

    baseline_mae = (test[TARGET] - train[TARGET].median()).abs().mean()
    print("median baseline test MAE", round(baseline_mae, 4))
    print("test metrics", trainer.evaluate(loaders["test"]))


if __name__ == "__main__":
    main()
