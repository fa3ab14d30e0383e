"""Experiment configuration (CLI overrides via argparse in train.py)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class TrainConfig:
    data_dir: str = "data/har_windows"
    ckpt_dir: str = "checkpoints/har_cnn"
    wandb_project: str = "har-cnn"
    batch_size: int = 128
    epochs: int = 80
    lr: float = 1e-3
    weight_decay: float = 1e-4
    dropout: float = 0.3
    patience: int = 10
    seed: int = 1234
    num_workers: int = 4
