import json
import logging

import numpy as np
import torch
import yaml

from landcover.callbacks import BestCheckpoint, PatienceStop
from landcover.datamodule import build_dataloaders
from landcover.loops import fit_epoch, score_loader
from landcover.net import make_net
from landcover.seed import fix_seeds

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
log = logging.getLogger("landcover")


def main(path="configs/eurosat.yaml"):
    cfg = yaml.safe_load(open(path))
    gen = fix_seeds(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    dl = build_dataloaders(cfg["data"], cfg["seed"], gen)

    model = make_net(len(dl["classes"])).to(device)
    o = cfg["optim"]
    optimizer = torch.optim.AdamW(model.parameters(), lr=o["lr"], weight_decay=o["weight_decay"])
    sched = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=o["lr"], epochs=o["epochs"], steps_per_epoch=1, pct_start=o["warmup_epochs"] / o["epochs"]
    )
    scaler = torch.cuda.amp.GradScaler(enabled=device.type == "cuda")
    ckpt = BestCheckpoint(cfg["callbacks"]["ckpt_dir"])
    stopper = PatienceStop(cfg["callbacks"]["patience"])

    for epoch in range(o["epochs"]):
        train_loss = fit_epoch(model, dl["train"], optimizer, scaler, device)
        sched.step()
        val = score_loader(model, dl["val"], device)
        improved = ckpt(model, val["macro_f1"], epoch)
        log.info("epoch %d train_loss %.4f val %s%s", epoch, train_loss, val, " *" if improved else "")
        if stopper.update(improved):
            log.info("no val improvement for %d epochs, stopping", stopper.patience)
            break

    ckpt.restore(model, device)
    test = score_loader(model, dl["test"], device)
    majority = np.bincount(dl["train_targets"]).argmax()
    test_targets = np.array(dl["test"].dataset.targets)
    test["majority_class_acc"] = float((test_targets == majority).mean())
    log.info("held-out test: %s", test)
    json.dump(test, open("checkpoints/eurosat/test_metrics.json", "w"), indent=2, default=float)


if __name__ == "__main__":
    main()
