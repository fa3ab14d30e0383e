import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch
import wandb

from src.leafnet.config import TrainConfig
from src.leafnet.data import make_loaders
from src.leafnet.engine import evaluate, train_one_epoch
from src.leafnet.model import LeafNet

log = logging.getLogger("leafnet")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-root", default=TrainConfig.data_root)
    parser.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    parser.add_argument("--no-wandb", action="store_true")
    args = parser.parse_args()
    cfg = TrainConfig(data_root=args.data_root, epochs=args.epochs)
    logging.basicConfig(level=logging.INFO)

    gen = seed_everything(cfg.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    train_dl, val_dl, test_dl, classes = make_loaders(cfg, gen)

    model = LeafNet(n_classes=len(classes)).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.lr, weight_decay=cfg.weight_decay)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg.epochs)
    run = None if args.no_wandb else wandb.init(project=cfg.wandb_project, config=vars(cfg))

    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(1, cfg.epochs + 1):
        train_loss = train_one_epoch(model, train_dl, optimizer, device)
        val = evaluate(model, val_dl, device)
        scheduler.step()
        log.info("epoch %d train_loss %.4f val %s", epoch, train_loss, val)
        if run:
            run.log({"train_loss": train_loss, **{f"val_{k}": v for k, v in val.items()}})
        if val["macro_f1"] > best_f1:
            best_f1, stale = val["macro_f1"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            stale += 1
            if stale >= cfg.patience:
                log.info("early stopping at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    majority = np.bincount(np.array(test_dl.dataset.dataset.targets)[test_dl.dataset.indices]).max()
    test["majority_class_accuracy"] = float(majority / len(test_dl.dataset))
    log.info("test %s", test)
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
