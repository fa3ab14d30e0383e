"""Train a log-mel CNN on ESC-50 with offline waveform augmentation."""
import argparse
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import yaml
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from torch.utils.data import DataLoader, TensorDataset

from esc50.data import augment_waveforms, load_metadata, load_waveforms, waveforms_to_logmel
from esc50.model import Esc50CNN


def set_seed(seed):
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def make_loader(X, y, batch_size, shuffle):
    ds = TensorDataset(torch.from_numpy(X), torch.from_numpy(y).long())
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle, num_workers=2)


def train_one_epoch(model, loader, criterion, optimizer, device):
    model.train()
    running = 0.0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        running += loss.item() * xb.size(0)
    return running / len(loader.dataset)


@torch.no_grad()
def predict(model, loader, criterion, device):
    model.eval()
    losses, preds, targets = 0.0, [], []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        logits = model(xb)
        losses += criterion(logits, yb).item() * xb.size(0)
        preds.append(logits.argmax(dim=1).cpu().numpy())
        targets.append(yb.cpu().numpy())
    return losses / len(loader.dataset), np.concatenate(targets), np.concatenate(preds)


def main(cfg):
    set_seed(cfg["seed"])
    device = "cuda" if torch.cuda.is_available() else "cpu"

    meta = load_metadata(cfg["data_root"])
    waves = load_waveforms(meta, cfg["data_root"], sr=cfg["sample_rate"])
    labels = meta["target"].to_numpy()

    waves, labels = augment_waveforms(
        waves, labels, sr=cfg["sample_rate"], n_copies=cfg["aug_copies"], seed=cfg["seed"]
    )
    feats = waveforms_to_logmel(
        waves, sr=cfg["sample_rate"], n_mels=cfg["n_mels"], hop_length=cfg["hop_length"]
    )
    print(f"{len(feats)} clips after augmentation, feature shape {feats.shape[1:]}")

    X_train, X_test, y_train, y_test = train_test_split(
        feats, labels, test_size=0.2, stratify=labels, random_state=cfg["seed"]
    )
    X_train, X_val, y_train, y_val = train_test_split(
        X_train, y_train, test_size=0.1, stratify=y_train, random_state=cfg["seed"]
    )

    train_loader = make_loader(X_train, y_train, cfg["batch_size"], shuffle=True)
    val_loader = make_loader(X_val, y_val, cfg["batch_size"], shuffle=False)
    test_loader = make_loader(X_test, y_test, cfg["batch_size"], shuffle=False)

    model = Esc50CNN(n_classes=50).to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=cfg["epochs"])

    ckpt_path = Path(cfg["checkpoint"])
    ckpt_path.parent.mkdir(parents=True, exist_ok=True)
    best_val, bad_epochs = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        train_loss = train_one_epoch(model, train_loader, criterion, optimizer, device)
        val_loss, yv, pv = predict(model, val_loader, criterion, device)
        scheduler.step()
        print(f"epoch {epoch:02d} train {train_loss:.4f} val {val_loss:.4f} val_acc {accuracy_score(yv, pv):.3f}")
        if val_loss < best_val:
            best_val, bad_epochs = val_loss, 0
            torch.save(model.state_dict(), ckpt_path)
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(ckpt_path, map_location=device))
    _, yt, pt = predict(model, test_loader, criterion, device)
    print(f"test accuracy {accuracy_score(yt, pt):.4f}")
    print(f"test macro-F1 {f1_score(yt, pt, average='macro'):.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as fh:
        main(yaml.safe_load(fh))
