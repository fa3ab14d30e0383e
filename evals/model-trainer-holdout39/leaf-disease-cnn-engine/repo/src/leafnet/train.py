import argparse
import json
import logging
from collections import Counter
from pathlib import Path

import torch
import yaml
from torch import nn

from .data import build_loaders
from .engine import evaluate, train_one_epoch
from .model import LeafNet
from .utils import seed_everything, worker_init

log = logging.getLogger("leafnet")


def majority_baseline(train_set_targets, test_targets) -> float:
    majority = Counter(train_set_targets).most_common(1)[0][0]
    return sum(t == majority for t in test_targets) / len(test_targets)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/leafnet.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    loaders, classes = build_loaders(cfg, worker_init)
    model = LeafNet(len(classes), cfg["dropout"]).to(device)
    criterion = nn.CrossEntropyLoss(label_smoothing=0.05)
    optimizer = torch.optim.SGD(model.parameters(), lr=cfg["lr"], momentum=0.9,
                                weight_decay=cfg["weight_decay"], nesterov=True)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    ckpt_dir = Path(cfg["checkpoint_dir"])
    ckpt_dir.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], optimizer, criterion, device)
        val = evaluate(model, loaders["val"], criterion, device)
        scheduler.step()
        log.info("epoch %02d train_loss %.4f val %s", epoch, train_loss, val)
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save({"model": model.state_dict(), "epoch": epoch, "classes": classes},
                       ckpt_dir / "best.pt")
        else:
            stale += 1
            if stale >= cfg["patience"]:
                log.info("no improvement for %d epochs, stopping", stale)
                break

    state = torch.load(ckpt_dir / "best.pt", map_location=device)
    model.load_state_dict(state["model"])
    test = evaluate(model, loaders["test"], criterion, device)
    test["majority_baseline_accuracy"] = majority_baseline(
        loaders["train"].dataset.targets, loaders["test"].dataset.targets
    )
    (ckpt_dir / "test_metrics.json").write_text(json.dumps(test, indent=2))
    log.info("test: %s", test)


if __name__ == "__main__":
    main()
