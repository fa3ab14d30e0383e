"""Train the beat classifier.

    python train.py --config configs/gru.yaml
"""
import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch
import yaml

from beatnet.baseline import logistic_baseline
from beatnet.data import make_loaders
from beatnet.model import BeatGRU
from beatnet.trainer import AccumTrainer

logging.basicConfig(level=logging.INFO)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/gru.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    seed = cfg["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    loaders, counts, raw = make_loaders(cfg["split_dir"], cfg["micro_batch"], seed)
    weights = torch.tensor(counts.sum() / (len(counts) * np.maximum(counts, 1)), dtype=torch.float32)

    trainer = AccumTrainer(BeatGRU(dropout=cfg["dropout"]), weights, cfg["lr"], cfg["accum_steps"],
                           cfg["patience"], cfg["ckpt_dir"], device)
    summary = trainer.fit(loaders["train"], loaders["val"], cfg["epochs"])
    summary.update(logistic_baseline(*raw, seed=seed))
    summary.update({f"test_{k}": v for k, v in trainer.evaluate(loaders["test"]).items()})
    Path(cfg["ckpt_dir"], "summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
