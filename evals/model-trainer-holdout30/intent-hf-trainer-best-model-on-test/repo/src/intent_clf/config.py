"""Run configuration for the support-ticket intent classifier."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import yaml


@dataclass
class RunConfig:
    data_dir: str = "data/intents"
    model_name: str = "distilroberta-base"
    output_dir: str = "outputs/intent-distilroberta"
    run_name: str = "intent-distilroberta"
    max_length: int = 128
    batch_size: int = 32
    epochs: int = 8
    lr: float = 3e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    patience: int = 2
    seed: int = 17

    @classmethod
    def from_yaml(cls, path: str | Path) -> "RunConfig":
        return cls(**yaml.safe_load(Path(path).read_text()))

    def to_dict(self) -> dict:
        return asdict(self)
