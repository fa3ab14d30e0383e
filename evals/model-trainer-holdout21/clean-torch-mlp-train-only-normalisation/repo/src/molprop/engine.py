import csv
from pathlib import Path

import numpy as np
import torch
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score


def run_train_epoch(model, loader, opt, device) -> float:
    model.train(True)
    losses = []
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        model.zero_grad(set_to_none=True)
        loss = torch.nn.functional.mse_loss(model(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return float(np.mean(losses))


def predict(model, loader, device):
    model.train(False)
    preds, gold = [], []
    with torch.inference_mode():
        for xb, yb in loader:
            preds.append(model(xb.to(device)).squeeze(1).cpu())
            gold.append(yb)
    return torch.cat(preds), torch.cat(gold)


def regression_metrics(pred: torch.Tensor, gold: torch.Tensor, y_norm) -> dict:
    p = (pred * y_norm.std + y_norm.mean).numpy()
    g = (gold * y_norm.std + y_norm.mean).numpy()
    return {"mae": mean_absolute_error(g, p), "rmse": float(np.sqrt(mean_squared_error(g, p))), "r2": r2_score(g, p)}


class CsvHistory:
    def __init__(self, path: str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._header_written = False

    def write(self, row: dict) -> None:
        with self.path.open("a", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=list(row))
            if not self._header_written:
                w.writeheader()
                self._header_written = True
            w.writerow(row)
