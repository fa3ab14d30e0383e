"""python train.py --config configs/resnet18.yaml"""
import argparse
import logging
import os
import random
from pathlib import Path

import numpy as np
import torch
import wandb
import yaml

from leafscan.data import make_loaders
from leafscan.engine import Evaluator, train_epoch
from leafscan.model import build_model

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("train")


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg: dict) -> None:
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    d, o = cfg["data"], cfg["optim"]
    train_dl, val_dl, test_dl, classes = make_loaders(d["root"], d["image_size"], d["batch_size"], d["num_workers"], cfg["seed"])

    model = build_model(cfg["model"]["arch"], len(classes), cfg["model"]["dropout"], cfg["model"]["pretrained"]).to(device)
    criterion = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=o["epochs"])
    evaluator = Evaluator(criterion, device)

    run = wandb.init(project="leafscan", config=cfg, mode=os.environ.get("WANDB_MODE", "online"))
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(o["epochs"]):
        train_loss = train_epoch(model, train_dl, optimizer, criterion, device)
        scheduler.step()
        val = evaluator.run(model, val_dl)
        run.log({"epoch": epoch, "train/loss": train_loss, **{f"val/{k}": v for k, v in val.items()}})
        log.info("epoch %d train_loss %.4f val %s", epoch, train_loss, val)
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= o["patience"]:
                log.info("no val improvement for %d epochs, stopping", stale)
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluator.run(model, test_dl)
    run.summary.update({f"test/{k}": v for k, v in test.items()})
    log.info("test %s", test)
    run.finish()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/resnet18.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
