"""Experiment config: a dataclass filled from a JSON file."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ExperimentConfig:
    data_path: str = "data/descriptors/magpie_features.parquet"
    out_dir: str = "runs/formation_mlp"
    seed: int = 2718
    val_frac: float = 0.1
    test_frac: float = 0.1
    hidden: list[int] = field(default_factory=lambda: [512, 256, 128])
    dropout: float = 0.1
    lr: float = 5e-4
    weight_decay: float = 1e-5
    batch_size: int = 256
    max_epochs: int = 300
    patience: int = 25

    @classmethod
    def from_json(cls, path: str | Path) -> "ExperimentConfig":
        return cls(**json.loads(Path(path).read_text()))
