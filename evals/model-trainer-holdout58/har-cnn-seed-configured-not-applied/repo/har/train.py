"""Train the HAR 1D-CNN.  python -m har.train --config configs/har_cnn.yaml"""
from __future__ import annotations

import argparse
from pathlib import Path

import mlflow
import numpy as np
import torch
import yaml
from sklearn.metrics import accuracy_score, f1_score
from torch import nn

from har.data import make_loaders
from har.model import HarCNN


@torch.no_grad()
def predict(model: nn.Module, loader, device) -> tuple[np.ndarray, np.ndarray, float]:
    model.eval()
    preds, targets, total_loss = [], [], 0.0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        total_loss += nn.functional.cross_entropy(logits, y, reduction="sum").item()
        preds.append(logits.argmax(1).cpu().numpy())
        targets.append(y.cpu().numpy())
    y_true, y_pred = np.concatenate(targets), np.concatenate(preds)
    return y_true, y_pred, total_loss / len(y_true)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, default=Path("configs/har_cnn.yaml"))
    cfg = yaml.safe_load(parser.parse_args().config.read_text())
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_dl, val_dl, test_dl, num_classes = make_loaders(cfg)
    in_channels = train_dl.dataset[0][0].shape[0]
    model = HarCNN(in_channels, num_classes, **cfg["model"]).to(device)
    tcfg = cfg["train"]
    optimizer = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    criterion = nn.CrossEntropyLoss()
    ckpt = Path(tcfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    mlflow.set_experiment(cfg["experiment"])
    with mlflow.start_run():
        mlflow.log_params({"seed": cfg["seed"], **tcfg, **cfg["model"]})
        best_f1, bad_epochs = -1.0, 0
        for epoch in range(tcfg["epochs"]):
            model.train()
            for x, y in train_dl:
                x, y = x.to(device), y.to(device)
                optimizer.zero_grad()
                loss = criterion(model(x), y)
                loss.backward()
                optimizer.step()

            y_true, y_pred, val_loss = predict(model, val_dl, device)
            val_f1 = f1_score(y_true, y_pred, average="macro")
            mlflow.log_metrics({"val_loss": val_loss, "val_macro_f1": val_f1}, step=epoch)
            if val_f1 > best_f1:
                best_f1, bad_epochs = val_f1, 0
                torch.save(model.state_dict(), ckpt)
            else:
                bad_epochs += 1
                if bad_epochs >= tcfg["patience"]:
                    break

        model.load_state_dict(torch.load(ckpt, map_location=device))
        y_true, y_pred, _ = predict(model, test_dl, device)
        majority = np.bincount(y_true).argmax()
        mlflow.log_metrics({
            "test_accuracy": accuracy_score(y_true, y_pred),
            "test_macro_f1": f1_score(y_true, y_pred, average="macro"),
            "majority_macro_f1": f1_score(y_true, np.full_like(y_true, majority), average="macro"),
        })
        mlflow.log_artifact(str(ckpt))


if __name__ == "__main__":
    main()
