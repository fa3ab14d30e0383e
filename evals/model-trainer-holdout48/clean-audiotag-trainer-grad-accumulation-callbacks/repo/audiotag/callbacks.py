from __future__ import annotations

from pathlib import Path

import torch


class Callback:
    def on_validation_end(self, trainer, metrics: dict[str, float]) -> None: ...


def _better(a: float, b: float, mode: str) -> bool:
    return a > b if mode == "max" else a < b


class EarlyStopping(Callback):
    def __init__(self, monitor: str, mode: str = "min", patience: int = 10):
        self.monitor, self.mode, self.patience = monitor, mode, patience
        self.best, self.wait = None, 0

    def on_validation_end(self, trainer, metrics):
        value = metrics[self.monitor]
        if self.best is None or _better(value, self.best, self.mode):
            self.best, self.wait = value, 0
        else:
            self.wait += 1
            trainer.should_stop = self.wait >= self.patience


class ModelCheckpoint(Callback):
    def __init__(self, monitor: str, mode: str, path: str):
        self.monitor, self.mode, self.path = monitor, mode, Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.best = None

    def on_validation_end(self, trainer, metrics):
        value = metrics[self.monitor]
        if self.best is None or _better(value, self.best, self.mode):
            self.best = value
            torch.save({"model": trainer.model.state_dict(), "metrics": metrics}, self.path)
