import logging
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from beatnet.config import Config
from beatnet.data import make_loaders
from beatnet.engine import run_validation, train_epoch
from beatnet.model import BeatNet

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("beatnet")


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main(cfg: Config):
    seed_all(cfg.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_dl, val_dl, test_dl, class_weights = make_loaders(cfg)
    model = BeatNet(dropout=cfg.dropout).to(device)
    loss_fn = nn.CrossEntropyLoss(weight=class_weights.to(device))
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=3)

    best_loss, stale = float("inf"), 0
    Path(cfg.checkpoint).parent.mkdir(parents=True, exist_ok=True)
    for epoch in range(cfg.epochs):
        tr_loss = train_epoch(model, train_dl, loss_fn, optimizer, device)
        val = run_validation(model, val_dl, loss_fn, device)
        scheduler.step(val["loss"])
        logger.info("epoch %d train %.4f val %s", epoch, tr_loss, val)
        if val["loss"] < best_loss:
            best_loss, stale = val["loss"], 0
            torch.save(model.state_dict(), cfg.checkpoint)
        else:
            stale += 1
            if stale >= cfg.patience:
                break

    model.load_state_dict(torch.load(cfg.checkpoint, map_location=device))
    test = run_validation(model, test_dl, loss_fn, device)
    logger.info("test: %s", test)


if __name__ == "__main__":
    main(Config())
