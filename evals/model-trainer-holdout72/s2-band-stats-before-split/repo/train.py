import argparse
import random

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader

from s2landcover.data import PatchDataset, compute_band_stats, load_patches
from s2landcover.model import PatchCNN


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def run_epoch(model, loader, criterion, device, optimizer=None):
    training = optimizer is not None
    model.train(training)
    total_loss, preds, targets = 0.0, [], []
    with torch.set_grad_enabled(training):
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss = criterion(logits, y)
            if training:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total_loss += loss.item() * x.size(0)
            preds.append(logits.argmax(1).cpu().numpy())
            targets.append(y.cpu().numpy())
    preds, targets = np.concatenate(preds), np.concatenate(targets)
    return total_loss / len(targets), preds, targets


def main(cfg):
    seed_everything(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    patches, labels, index = load_patches(cfg["data_root"], cfg["index_csv"])
    class_names = sorted(index["class_name"].unique())
    print(f"Loaded {len(labels)} patches, {patches.shape[1]} bands")

    mean, std = compute_band_stats(patches)
    np.savez(cfg["stats_out"], mean=mean, std=std)

    idx = np.arange(len(labels))
    train_idx, test_idx = train_test_split(
        idx, test_size=0.2, stratify=labels, random_state=cfg["seed"])
    train_idx, val_idx = train_test_split(
        train_idx, test_size=0.15, stratify=labels[train_idx], random_state=cfg["seed"])

    def make_loader(ids, augment, shuffle):
        ds = PatchDataset(patches[ids], labels[ids], mean, std, augment=augment)
        return DataLoader(ds, batch_size=cfg["batch_size"], shuffle=shuffle, num_workers=4)

    train_loader = make_loader(train_idx, True, True)
    val_loader = make_loader(val_idx, False, False)
    test_loader = make_loader(test_idx, False, False)

    model = PatchCNN(patches.shape[1], len(class_names), width=cfg["width"]).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    best_val, bad_epochs = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        tr_loss, _, _ = run_epoch(model, train_loader, criterion, device, optimizer)
        val_loss, val_pred, val_true = run_epoch(model, val_loader, criterion, device)
        scheduler.step()
        val_f1 = f1_score(val_true, val_pred, average="macro")
        print(f"epoch {epoch:02d} train {tr_loss:.4f} val {val_loss:.4f} val_f1 {val_f1:.4f}")
        if val_loss < best_val:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), cfg["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(cfg["checkpoint"], map_location=device))
    _, test_pred, test_true = run_epoch(model, test_loader, criterion, device)
    print(f"test accuracy {accuracy_score(test_true, test_pred):.4f}")
    print(f"test macro F1 {f1_score(test_true, test_pred, average='macro'):.4f}")
    print(classification_report(test_true, test_pred, target_names=class_names, digits=3))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        main(yaml.safe_load(f))
