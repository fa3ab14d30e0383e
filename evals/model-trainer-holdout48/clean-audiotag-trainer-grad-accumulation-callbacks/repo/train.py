"""python train.py configs/esc_cnn.yaml"""
from __future__ import annotations

import json
import sys

import numpy as np
import torch
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from torch import nn

from audiotag.callbacks import EarlyStopping, ModelCheckpoint
from audiotag.data import build_loaders
from audiotag.trainer import Trainer
from audiotag.utils import seed_everything


class LogMelCNN(nn.Module):
    def __init__(self, n_mels: int, n_classes: int, channels: list[int], dropout: float):
        super().__init__()
        layers, c_in = [], 1
        for c_out in channels:
            layers += [nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU(), nn.MaxPool2d(2)]
            c_in = c_out
        self.features = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(c_in, n_classes))

    def forward(self, x):
        return self.head(self.features(x))


def pooled_stats(ds) -> np.ndarray:
    return np.concatenate([ds.x.mean(axis=-1), ds.x.std(axis=-1)], axis=1)


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    loaders = build_loaders(cfg["data"], gen)

    cb = cfg["callbacks"]
    ckpt = ModelCheckpoint(**cb["checkpoint"])
    trainer = Trainer(LogMelCNN(**cfg["model"]), cfg, [EarlyStopping(**cb["early_stopping"]), ckpt], device)
    trainer.fit(loaders["train"], loaders["val"], cfg["trainer"]["max_epochs"])

    trainer.model.load_state_dict(torch.load(ckpt.path, map_location=device)["model"])
    test = trainer.evaluate(loaders["test"], "test")

    tr_ds, te_ds = loaders["train"].dataset, loaders["test"].dataset
    base = LogisticRegression(max_iter=5000, C=0.5, random_state=cfg["seed"]).fit(pooled_stats(tr_ds), tr_ds.y)
    bp = base.predict(pooled_stats(te_ds))
    test |= {"baseline_test_acc": accuracy_score(te_ds.y, bp), "baseline_test_f1_macro": f1_score(te_ds.y, bp, average="macro")}
    print(json.dumps(test, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
