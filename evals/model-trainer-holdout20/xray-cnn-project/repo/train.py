import argparse
import json
import logging
import random
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import f1_score, roc_auc_score

from data import make_loaders
from model import SmallCNN

log = logging.getLogger("train")


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, loader, criterion, device):
    losses, probs, labels = [], [], []
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        logits = model(images)
        losses.append(criterion(logits, targets).item())
        probs.append(torch.softmax(logits, dim=1)[:, 1].detach().cpu())
        labels.append(targets.cpu())
    probs, labels = torch.cat(probs).numpy(), torch.cat(labels).numpy()
    preds = (probs >= 0.5).astype(int)
    return {
        "loss": float(np.mean(losses)),
        "acc": float((preds == labels).mean()),
        "f1_macro": float(f1_score(labels, preds, average="macro")),
        "auc": float(roc_auc_score(labels, probs)),
    }


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    total, n = 0.0, 0
    for images, targets in loader:
        images, targets = images.to(device), targets.to(device)
        optimizer.zero_grad(set_to_none=True)
        loss = criterion(model(images), targets)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(targets)
        n += len(targets)
    return total / n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/baseline.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(open(args.config))
    tcfg = cfg["train"]
    seed_everything(tcfg["seed"])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    sets, loaders = make_loaders(cfg["data"], tcfg["batch_size"])
    counts = np.bincount(sets["train"].targets)
    log.info("train class counts %s", counts.tolist())
    majority = np.bincount(sets["test"].targets).max() / len(sets["test"])
    log.info("majority-class accuracy on test: %.3f", majority)

    model = SmallCNN(cfg["model"]["widths"], dropout=cfg["model"]["dropout"]).to(device)
    weights = torch.tensor(counts.sum() / (2 * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])

    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)
    best_loss, bad_epochs = float("inf"), 0
    for epoch in range(1, tcfg["epochs"] + 1):
        train_loss = train_one_epoch(model, loaders["train"], criterion, optimizer, device)
        val = evaluate(model, loaders["val"], criterion, device)
        scheduler.step()
        log.info("epoch %d train_loss %.4f val %s", epoch, train_loss, val)
        if val["loss"] < best_loss:
            best_loss, bad_epochs = val["loss"], 0
            torch.save(model.state_dict(), out / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                log.info("early stopping at epoch %d", epoch)
                break

    model.load_state_dict(torch.load(out / "best.pt", map_location=device))
    test = evaluate(model, loaders["test"], criterion, device)
    log.info("TEST %s", test)
    (out / "test_metrics.json").write_text(json.dumps(test, indent=2))


if __name__ == "__main__":
    main()
