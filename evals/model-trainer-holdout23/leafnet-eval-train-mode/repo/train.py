"""Leaf disease classifier (6 classes), timm backbone.

python train.py --config configs/effnet_b0.yaml
"""
import argparse
import json
import logging
import sys
from pathlib import Path

import numpy as np
import timm
import torch
import yaml
from torch import nn

sys.path.insert(0, str(Path(__file__).parent / "src"))
from leafnet.data import make_loaders  # noqa: E402
from leafnet.engine import evaluate, train_one_epoch  # noqa: E402
from leafnet.utils import seed_everything  # noqa: E402

log = logging.getLogger("leafnet")


def main(cfg):
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dl, val_dl, test_dl, classes, train_targets = make_loaders(cfg)

    model = timm.create_model(cfg["model"], pretrained=True, num_classes=len(classes),
                              drop_rate=cfg["drop_rate"]).to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    ckpt_dir = Path(cfg["ckpt_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_f1, bad_epochs = -1.0, 0
    for epoch in range(cfg["epochs"]):
        tr_loss = train_one_epoch(model, train_dl, optimizer, criterion, device)
        val = evaluate(model, val_dl, criterion, device)
        scheduler.step()
        log.info("epoch %02d train_loss %.4f val %s", epoch, tr_loss, val)
        if val["macro_f1"] > best_f1:
            best_f1, bad_epochs = val["macro_f1"], 0
            torch.save(model.state_dict(), ckpt_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                log.info("no val improvement for %d epochs, stopping", bad_epochs)
                break

    model.load_state_dict(torch.load(ckpt_dir / "best.pt", map_location=device))
    test = evaluate(model, test_dl, criterion, device)
    majority = np.bincount(train_targets).argmax()
    test_labels = np.concatenate([y.numpy() for _, y in test_dl])
    test["majority_baseline_acc"] = float(np.mean(test_labels == majority))
    log.info("TEST %s", test)
    (ckpt_dir / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/effnet_b0.yaml")
    main(yaml.safe_load(Path(ap.parse_args().config).read_text()))
