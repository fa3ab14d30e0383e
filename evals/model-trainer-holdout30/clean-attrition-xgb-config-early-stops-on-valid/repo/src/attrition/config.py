"""Config schema for the attrition model."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class SplitPaths:
    train: str
    valid: str
    test: str


@dataclass
class EarlyStop:
    split: str = "valid"
    rounds: int = 75


@dataclass
class Config:
    seed: int
    target: str
    numeric: list[str]
    categorical: list[str]
    splits: SplitPaths
    artifact_dir: str
    booster: dict = field(default_factory=dict)
    early_stop: EarlyStop = field(default_factory=EarlyStop)


def load(path: str | Path) -> Config:
    raw = yaml.safe_load(Path(path).read_text())
    cfg = Config(
        seed=raw["seed"], target=raw["target"], numeric=raw["numeric"], categorical=raw["categorical"],
        splits=SplitPaths(**raw["splits"]), artifact_dir=raw["artifact_dir"], booster=raw["booster"],
        early_stop=EarlyStop(**raw.get("early_stop", {})),
    )
    if cfg.early_stop.split == "test":
        raise ValueError("early stopping must not look at the test split")
    return cfg
