"""Small helpers shared by the training scripts."""
import json
import os
import random
from pathlib import Path

import numpy as np
import torch


def seed_everything(seed: int) -> torch.Generator:
    os.environ["PYTHONHASHSEED"] = str(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)
    return torch.Generator().manual_seed(seed)


class EarlyStopper:
    def __init__(self, patience: int, mode: str = "max", min_delta: float = 0.0):
        self.patience, self.mode, self.min_delta = patience, mode, min_delta
        self.best = None
        self.bad_rounds = 0

    def step(self, value: float) -> bool:
        """Record a new validation value; returns True if it is the best so far."""
        improved = self.best is None or (
            value > self.best + self.min_delta if self.mode == "max" else value < self.best - self.min_delta
        )
        if improved:
            self.best, self.bad_rounds = value, 0
        else:
            self.bad_rounds += 1
        return improved

    @property
    def should_stop(self) -> bool:
        return self.bad_rounds >= self.patience


def save_checkpoint(model, tokenizer, out_dir, metrics):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    (out / "val_metrics.json").write_text(json.dumps(metrics, indent=2))
