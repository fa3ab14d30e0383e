"""Fine-tune ResNet-18 on weld inspection images.

    python -m welds.train --config configs/defects.yaml
"""
from __future__ import annotations

import argparse
from pathlib import Path

import mlflow
import numpy as np
import torch
import yaml
from sklearn.metrics import accuracy_score, balanced_accuracy_score, f1_score
from torch import nn
from torchvision import models

from welds.data import make_loaders
from welds.repro import seed_everything


def build_model(num_classes: int) -> nn.Module:
    model = models.resnet18(weights=models.ResNet18_Weights.IMAGENET1K_V1)
    model.fc = nn.Sequential(nn.Dropout(0.2), nn.Linear(model.fc.in_features, num_classes))
    return model


@torch.no_grad()
def run_eval(model: nn.Module, loader, device) -> tuple[np.ndarray, np.ndarray]:
    model.eval()
    y_true, y_pred = [], []
    for images, targets in loader:
        logits = model(images.to(device, non_blocking=True))
        y_pred.append(logits.argmax(1).cpu().numpy())
        y_true.append(targets.numpy())
    return np.concatenate(y_true), np.concatenate(y_pred)


def metrics(y_true, y_pred, prefix: str) -> dict[str, float]:
    return {
        f"{prefix}_macro_f1": f1_score(y_true, y_pred, average="macro"),
        f"{prefix}_balanced_acc": balanced_accuracy_score(y_true, y_pred),
        f"{prefix}_accuracy": accuracy_score(y_true, y_pred),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, default=Path("configs/defects.yaml"))
    cfg = yaml.safe_load(parser.parse_args().config.read_text())
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    loaders, classes, train_labels = make_loaders(cfg, cfg["seed"])
    model = build_model(len(classes)).to(device)
    tc = cfg["train"]
    optimizer = torch.optim.AdamW(model.parameters(), lr=tc["lr"], weight_decay=tc["weight_decay"])
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=tc["epochs"])
    criterion = nn.CrossEntropyLoss(label_smoothing=tc["label_smoothing"])
    ckpt = Path(tc["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    mlflow.set_experiment(cfg["experiment"])
    with mlflow.start_run():
        mlflow.log_params({"seed": cfg["seed"], **tc, "classes": ",".join(classes)})
        best, stale = -1.0, 0
        for epoch in range(tc["epochs"]):
            model.train()
            for images, targets in loaders["train"]:
                images, targets = images.to(device), targets.to(device)
                optimizer.zero_grad(set_to_none=True)
                loss = criterion(model(images), targets)
                loss.backward()
                optimizer.step()
            scheduler.step()

            val = metrics(*run_eval(model, loaders["val"], device), prefix="val")
            mlflow.log_metrics({**val, "train_loss_last": loss.item()}, step=epoch)
            if val["val_macro_f1"] > best:
                best, stale = val["val_macro_f1"], 0
                torch.save(model.state_dict(), ckpt)
            else:
                stale += 1
                if stale >= tc["patience"]:
                    break

        model.load_state_dict(torch.load(ckpt, map_location=device))
        y_true, y_pred = run_eval(model, loaders["test"], device)
        majority = np.bincount(train_labels).argmax()
        mlflow.log_metrics(metrics(y_true, y_pred, "test"))
        mlflow.log_metrics(metrics(y_true, np.full_like(y_true, majority), "majority"))
        mlflow.log_artifact(str(ckpt))


if __name__ == "__main__":
    main()
