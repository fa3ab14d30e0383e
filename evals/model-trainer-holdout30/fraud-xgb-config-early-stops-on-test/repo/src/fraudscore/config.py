"""Typed view over configs/*.yaml."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Paths:
    train: str
    valid: str
    test: str
    model_dir: str


@dataclass
class EarlyStoppingCfg:
    split: str = "valid"
    rounds: int = 50
    metric: str = "aucpr"


@dataclass
class FeatureCfg:
    numeric: list[str]
    categorical: list[str]


@dataclass
class TrainConfig:
    seed: int
    paths: Paths
    features: FeatureCfg
    xgb_params: dict[str, Any]
    early_stopping: EarlyStoppingCfg = field(default_factory=EarlyStoppingCfg)


def load_config(path: str | Path) -> TrainConfig:
    raw = yaml.safe_load(Path(path).read_text())
    return TrainConfig(
        seed=raw["seed"],
        paths=Paths(**raw["paths"]),
        features=FeatureCfg(**raw["features"]),
        xgb_params=raw["xgb_params"],
        early_stopping=EarlyStoppingCfg(**raw.get("early_stopping", {})),
    )
