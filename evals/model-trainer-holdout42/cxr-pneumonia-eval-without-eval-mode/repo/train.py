"""Fine-tune DenseNet-121 for pneumonia detection on frontal chest X-rays."""
import argparse
import json
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from torch.utils.data import DataLoader
from tqdm import tqdm

from cxr.data import ChestXrayDataset, build_transforms, split_by_patient
from cxr.model import build_model


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    running = 0.0
    for images, labels in tqdm(loader, leave=False):
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        loss = criterion(model(images).squeeze(1), labels)
        loss.backward()
        optimizer.step()
        running += loss.item() * images.size(0)
    return running / len(loader.dataset)


def evaluate(model, loader, criterion, device):
    total_loss, probs, targets = 0.0, [], []
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images).squeeze(1)
        total_loss += criterion(logits, labels).item() * images.size(0)
        probs.append(torch.sigmoid(logits).detach().cpu())
        targets.append(labels.cpu())
    probs = torch.cat(probs).numpy()
    targets = torch.cat(targets).numpy()
    return {
        "loss": total_loss / len(loader.dataset),
        "auroc": roc_auc_score(targets, probs),
        "auprc": average_precision_score(targets, probs),
    }, probs, targets


def youden_threshold(targets, probs):
    fpr, tpr, thr = roc_curve(targets, probs)
    return float(thr[np.argmax(tpr - fpr)])


def main(cfg):
    tcfg, dcfg = cfg["train"], cfg["data"]
    seed_everything(tcfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    labels = pd.read_csv(dcfg["labels_csv"])
    train_df, val_df, test_df = split_by_patient(labels, dcfg["val_fraction"], dcfg["test_fraction"], tcfg["seed"])
    train_tf, eval_tf = build_transforms(dcfg["image_size"])
    loaders = {
        name: DataLoader(
            ChestXrayDataset(frame, dcfg["image_dir"], train_tf if name == "train" else eval_tf),
            batch_size=tcfg["batch_size"], shuffle=(name == "train"),
            num_workers=tcfg["num_workers"], pin_memory=True,
        )
        for name, frame in [("train", train_df), ("val", val_df), ("test", test_df)]
    }

    model = build_model(tcfg["dropout"]).to(device)
    pos_weight = torch.tensor([(1 - train_df["pneumonia"].mean()) / train_df["pneumonia"].mean()], device=device)
    criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tcfg["epochs"])

    best_auroc, bad_epochs = -1.0, 0
    for epoch in range(tcfg["epochs"]):
        train_loss = train_one_epoch(model, loaders["train"], criterion, optimizer, device)
        val_metrics, _, _ = evaluate(model, loaders["val"], criterion, device)
        scheduler.step()
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} " + " ".join(f"val_{k}={v:.4f}" for k, v in val_metrics.items()))
        if val_metrics["auroc"] > best_auroc:
            best_auroc, bad_epochs = val_metrics["auroc"], 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= tcfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    _, val_probs, val_targets = evaluate(model, loaders["val"], criterion, device)
    threshold = youden_threshold(val_targets, val_probs)
    test_metrics, test_probs, test_targets = evaluate(model, loaders["test"], criterion, device)
    pred = test_probs >= threshold
    test_metrics["sensitivity"] = float(pred[test_targets == 1].mean())
    test_metrics["specificity"] = float((~pred[test_targets == 0]).mean())
    test_metrics["threshold"] = threshold
    print(json.dumps(test_metrics, indent=2))
    (out_dir / "test_metrics.json").write_text(json.dumps(test_metrics, indent=2))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    with open(parser.parse_args().config) as fh:
        main(yaml.safe_load(fh))
