from __future__ import annotations

from pathlib import Path

import torch


class EarlyStopping:
    def __init__(self, patience: int, min_delta: float = 1e-4):
        self.patience, self.min_delta = patience, min_delta
        self.best, self.bad = float("inf"), 0

    def step(self, value: float) -> bool:
        if value < self.best - self.min_delta:
            self.best, self.bad = value, 0
            return False
        self.bad += 1
        return self.bad >= self.patience


class BestCheckpoint:
    def __init__(self, path: str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.best = float("inf")

    def maybe_save(self, model, value: float, epoch: int) -> bool:
        if value < self.best:
            self.best = value
            torch.save({"epoch": epoch, "state_dict": model.state_dict(), "val_loss": value}, self.path)
            return True
        return False

    def restore(self, model, device) -> None:
        model.load_state_dict(torch.load(self.path, map_location=device)["state_dict"])
