"""Train the PCB defect classifier: python train.py configs/defect_cnn.yaml"""
from __future__ import annotations

import json
import random
import sys

import numpy as np
import torch
import yaml
from torch import nn

from defectcls.callbacks import BestCheckpoint, EarlyStopping
from defectcls.data import build_loaders
from defectcls.engine import evaluate, train_one_epoch
from defectcls.model import DefectNet


def main(cfg_path: str) -> None:
    cfg = yaml.safe_load(open(cfg_path))
    seed = cfg["seed"]
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    loaders, classes = build_loaders(cfg["data"], seed)
    model = DefectNet(**cfg["model"]).to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), **cfg["optim"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["trainer"]["epochs"])
    stopper = EarlyStopping(cfg["trainer"]["patience"])
    ckpt = BestCheckpoint(cfg["trainer"]["ckpt"])

    for epoch in range(cfg["trainer"]["epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], criterion, optimizer, device)
        val = evaluate(model, loaders["val"], criterion, device)
        scheduler.step()
        saved = ckpt.maybe_save(model, val["loss"], epoch)
        print(f"epoch {epoch:02d} train {train_loss:.4f} val {val['loss']:.4f} "
              f"bacc {val['balanced_acc']:.3f} f1 {val['f1_macro']:.3f}{' *' if saved else ''}")
        if stopper.step(val["loss"]):
            break

    ckpt.restore(model, device)
    test = evaluate(model, loaders["test"], criterion, device)
    print(json.dumps({"classes": classes, "test": test}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
