import argparse

import numpy as np
import torch
from torch.utils.data import DataLoader, WeightedRandomSampler

from seizure.common import load_config
from seizure.data import SpectrogramWindows
from seizure.trainer import SpecCNN, Trainer


def balanced_sampler(labels, pos_fraction):
    labels = labels.numpy()
    w = np.where(labels == 1, pos_fraction / labels.mean(), (1 - pos_fraction) / (1 - labels.mean()))
    return WeightedRandomSampler(torch.from_numpy(w), num_samples=len(labels), replacement=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = load_config(args.config)
    dcfg, tcfg = cfg["data"], cfg["train"]
    device = "cuda" if torch.cuda.is_available() else "cpu"

    ds = {k: SpectrogramWindows(dcfg["windows_dir"], dcfg[f"{k}_patients"], cfg["stft"])
          for k in ("train", "val", "test")}
    train_dl = DataLoader(ds["train"], batch_size=tcfg["batch_size"],
                          sampler=balanced_sampler(ds["train"].y, tcfg["positive_fraction"]))
    val_dl = DataLoader(ds["val"], batch_size=256)
    test_dl = DataLoader(ds["test"], batch_size=256)

    trainer = Trainer(SpecCNN(), tcfg["lr"], device)
    best_auprc = -1.0
    for epoch in range(tcfg["epochs"]):
        loss = trainer.train_one_epoch(train_dl)
        val = trainer.validate(val_dl)
        print(f"epoch {epoch:02d} loss {loss:.4f} val AUROC {val['auroc']:.4f} AUPRC {val['auprc']:.4f}")
        if val["auprc"] > best_auprc:
            best_auprc = val["auprc"]
            torch.save(trainer.model.state_dict(), f"{cfg['experiment']}_best.pt")

    trainer.model.load_state_dict(torch.load(f"{cfg['experiment']}_best.pt", map_location=device))
    test = trainer.validate(test_dl)
    print(f"held-out patients {dcfg['test_patients']}: AUROC {test['auroc']:.4f}  AUPRC {test['auprc']:.4f}")


if __name__ == "__main__":
    main()
