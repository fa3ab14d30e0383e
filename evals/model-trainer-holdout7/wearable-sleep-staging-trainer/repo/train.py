import argparse
import logging
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader

from sleepnet import STAGES
from sleepnet.dataset import NightEpochs
from sleepnet.model import SleepStager
from sleepnet.trainer import StagerTrainer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.yaml")
    p = yaml.safe_load(open(ap.parse_args().params))
    logging.basicConfig(level=logging.INFO)
    random.seed(p["seed"]); np.random.seed(p["seed"]); torch.manual_seed(p["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    nights = sorted(Path(p["data_dir"]).glob("*.npz"))
    logging.info("%d nights from %d subjects", len(nights), len({f.stem.split("_")[0] for f in nights}))
    epochs_ds = NightEpochs(nights, context=p["context_epochs"])
    counts = np.bincount(np.concatenate(epochs_ds.y), minlength=len(STAGES))
    weights = counts.sum() / (len(STAGES) * np.maximum(counts, 1))
    loader = DataLoader(epochs_ds, batch_size=p["batch_size"], shuffle=True, num_workers=4, drop_last=True)

    trainer = StagerTrainer(SleepStager(n_classes=len(STAGES)), p["lr"], p["weight_decay"], weights, device)
    trainer.fit(loader, p["epochs"])

    scored = DataLoader(epochs_ds, batch_size=p["batch_size"] * 2, num_workers=4)
    metrics = trainer.evaluate(scored)
    logging.info("Cohen kappa %.3f | macro-F1 %.3f | per stage %s", metrics["kappa"], metrics["macro_f1"],
                 dict(zip(STAGES, metrics["per_stage_f1"])))
    torch.save(trainer.model.state_dict(), p["out"])


if __name__ == "__main__":
    main()
