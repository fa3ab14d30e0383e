"""Train VGG-11-BN on CIFAR-10 (baseline row of Table 1 in our pruning paper)."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn

from src.data import get_loaders
from src.engine import evaluate, train_one_epoch
from src.model import VGG


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default="config.json")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = json.load(f)

    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(cfg["out_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    train_loader, val_loader, test_loader = get_loaders(
        cfg["data_dir"], cfg["val_size"], cfg["batch_size"], cfg["seed"]
    )
    model = VGG(dropout=cfg["dropout"]).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(
        model.parameters(), lr=cfg["lr"], momentum=cfg["momentum"], weight_decay=cfg["weight_decay"]
    )
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    best_acc, bad_epochs, history = 0.0, 0, []
    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_loader, criterion, optimizer, device)
        val = evaluate(model, val_loader, criterion, device)
        scheduler.step()
        history.append({"epoch": epoch, "train_loss": train_loss, **{f"val_{k}": v for k, v in val.items()}})
        print(f"epoch {epoch:3d}  train_loss {train_loss:.4f}  val_loss {val['loss']:.4f}  val_acc {val['acc']:.4f}")

        if val["acc"] > best_acc:
            best_acc, bad_epochs = val["acc"], 0
            torch.save({"epoch": epoch, "model": model.state_dict()}, out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print(f"early stop at epoch {epoch}")
                break

    ckpt = torch.load(out_dir / "best.pt", map_location=device)
    model.load_state_dict(ckpt["model"])
    test = evaluate(model, test_loader, criterion, device)
    print(f"test acc {test['acc']:.4f}  macro-F1 {test['macro_f1']:.4f} (best epoch {ckpt['epoch']})")

    with open(out_dir / "history.json", "w") as f:
        json.dump(history, f, indent=1)
    with open(out_dir / "test_metrics.json", "w") as f:
        json.dump(test, f, indent=2)


if __name__ == "__main__":
    main()
