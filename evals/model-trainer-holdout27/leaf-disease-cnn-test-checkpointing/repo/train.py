import argparse
import logging
from pathlib import Path

import torch
import torch.nn as nn

from leafnet.data import build_loaders
from leafnet.engine import evaluate, train_one_epoch
from leafnet.model import build_model
from leafnet.utils import EarlyStopper, load_json, save_checkpoint, set_seed

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger(__name__)


def main(cfg: dict) -> None:
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_loader, test_loader, classes = build_loaders(cfg)
    model = build_model(len(classes)).to(device)

    criterion = nn.CrossEntropyLoss(label_smoothing=cfg["label_smoothing"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])
    stopper = EarlyStopper(cfg["patience"])
    ckpt_path = Path(cfg["out_dir"]) / "best.pt"
    best_f1 = -1.0

    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_loader, criterion, optimizer, device)
        scheduler.step()
        test_stats = evaluate(model, test_loader, criterion, device)
        log.info("epoch %02d train_loss %.4f test %s", epoch, train_loss, test_stats)
        if test_stats["macro_f1"] > best_f1:
            best_f1 = test_stats["macro_f1"]
            save_checkpoint(model, optimizer, epoch, ckpt_path)
        if stopper.step(test_stats["loss"]):
            log.info("early stopping at epoch %d", epoch)
            break

    log.info("best test macro-F1: %.4f (checkpoint %s)", best_f1, ckpt_path)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/resnet18.json")
    main(load_json(ap.parse_args().config))
