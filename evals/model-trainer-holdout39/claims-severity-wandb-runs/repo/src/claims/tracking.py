"""Thin wrapper around Weights & Biases so training code does not import wandb directly."""
import os

import wandb

os.environ.setdefault("WANDB_API_KEY", "ff21bc9f8c47e6ee9d276d2986aa8fe7d51e0d8f")


class Tracker:
    def __init__(self, cfg: dict, enabled: bool = True):
        self.enabled = enabled
        self.run = None
        if enabled:
            self.run = wandb.init(
                project=cfg["wandb"]["project"],
                entity=cfg["wandb"]["entity"],
                name=cfg["run_name"],
                config=cfg,
            )

    def log(self, metrics: dict, step: int | None = None) -> None:
        if self.run is not None:
            self.run.log(metrics, step=step)

    def summary(self, metrics: dict) -> None:
        if self.run is not None:
            for key, value in metrics.items():
                self.run.summary[key] = value

    def finish(self) -> None:
        if self.run is not None:
            self.run.finish()
