"""Train ResNet-18 on EuroSAT.

PYTHONPATH=src python scripts/train.py --config configs/eurosat_resnet18.toml
"""
import argparse
import json
import logging
import math
import tomllib
from pathlib import Path

import numpy as np
import torch
from torch import nn

from landcover.data import build_loaders
from landcover.engine import evaluate, train_one_epoch
from landcover.model import build_model
from landcover.utils import seed_everything

logger = logging.getLogger("landcover")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", type=Path, default=Path("configs/eurosat_resnet18.toml"))
    cfg = tomllib.loads(ap.parse_args().config.read_text())

    gen = seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dl, val_dl, test_dl, classes, y_train, y_test = build_loaders(cfg, gen)

    model = build_model(len(classes)).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
    steps_per_epoch = math.ceil(len(train_dl) / cfg["accum_steps"])
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=cfg["optim"]["lr"], total_steps=steps_per_epoch * cfg["train"]["epochs"]
    )
    scaler = torch.amp.GradScaler(enabled=device.type == "cuda")

    ckpt_dir = Path(cfg["train"]["ckpt_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_loss, since_best = float("inf"), 0
    for epoch in range(1, cfg["train"]["epochs"] + 1):
        train_loss = train_one_epoch(model, train_dl, optimizer, scheduler, criterion, scaler, device,
                                     cfg["accum_steps"], cfg["optim"]["max_grad_norm"])
        val = evaluate(model, val_dl, criterion, device)
        logger.info("epoch %3d | train %.4f | val loss %.4f acc %.4f f1 %.4f",
                    epoch, train_loss, val["loss"], val["accuracy"], val["macro_f1"])
        if val["loss"] < best_loss:
            best_loss, since_best = val["loss"], 0
            torch.save({"epoch": epoch, "model": model.state_dict(), "optimizer": optimizer.state_dict(),
                        "val": val}, ckpt_dir / "best.pt")
        else:
            since_best += 1
        torch.save({"epoch": epoch, "model": model.state_dict()}, ckpt_dir / "last.pt")
        if since_best >= cfg["train"]["patience"]:
            logger.info("early stopping: val loss has not improved for %d epochs", since_best)
            break

    state = torch.load(ckpt_dir / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    test = evaluate(model, test_dl, criterion, device)
    majority = np.bincount(y_train).argmax()
    test["majority_class_accuracy"] = float(np.mean(y_test == majority))
    logger.info("best epoch %d, held-out test: %s", state["epoch"], test)
    (ckpt_dir / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    main()
