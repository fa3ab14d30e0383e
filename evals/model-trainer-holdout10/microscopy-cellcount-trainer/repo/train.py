"""Nuclei counting on DAPI tiles.   python train.py --config configs/cellcount.yaml"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
import torch
import yaml
from sklearn.model_selection import GroupShuffleSplit
from torch.utils.data import DataLoader

from cellcount.dataset import NucleiTiles
from cellcount.net import CountNet
from cellcount.trainer import Trainer

logging.basicConfig(level=logging.INFO)


def split_by_slide(index: pd.DataFrame, frac: float, seed: int):
    gss = GroupShuffleSplit(n_splits=1, test_size=frac, random_state=seed)
    a, b = next(gss.split(index, groups=index["slide_id"]))
    return index.iloc[a].reset_index(drop=True), index.iloc[b].reset_index(drop=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/cellcount.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed = cfg["split"]["seed"]
    torch.manual_seed(seed)
    np.random.seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    index = pd.read_csv(cfg["index_csv"])
    dev, test = split_by_slide(index, cfg["split"]["test_frac"], seed)
    train, val = split_by_slide(dev, cfg["split"]["val_frac"], seed)

    bs = cfg["optim"]["batch_size"]
    train_dl = DataLoader(NucleiTiles(train, augment=True), batch_size=bs, shuffle=True, num_workers=4)
    val_dl = DataLoader(NucleiTiles(val), batch_size=bs, num_workers=4)
    test_dl = DataLoader(NucleiTiles(test), batch_size=bs, num_workers=4)

    trainer = Trainer(CountNet(), cfg["optim"]["lr"], cfg["optim"]["weight_decay"], cfg["out_dir"], device)
    trainer.fit(train_dl, val_dl, cfg["optim"]["epochs"], cfg["optim"]["patience"])

    test_metrics = trainer.evaluate(test_dl)
    mean_count = train["nuclei_count"].mean()
    t = test["nuclei_count"].to_numpy()
    baseline = {"mae": float(np.mean(np.abs(mean_count - t))),
                "rel_err": float(np.mean(np.abs(mean_count - t) / np.maximum(t, 1)))}
    print(json.dumps({"countnet": test_metrics, "train_mean_baseline": baseline}, indent=2))


if __name__ == "__main__":
    main()
