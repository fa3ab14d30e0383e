from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class DataCfg:
    raw_path: str
    min_tenure_days: int = 0


@dataclass
class FeatureCfg:
    numeric: list[str] = field(default_factory=list)
    categorical: list[str] = field(default_factory=list)
    tenure_bins: int = 5


@dataclass
class SplitCfg:
    test_size: float = 0.2


@dataclass
class ExperimentCfg:
    seed: int
    data: DataCfg
    features: FeatureCfg
    split: SplitCfg
    model: dict
    output_dir: str


def load_config(path: str | Path) -> ExperimentCfg:
    raw = yaml.safe_load(Path(path).read_text())
    return ExperimentCfg(
        seed=raw["seed"],
        data=DataCfg(**raw["data"]),
        features=FeatureCfg(**raw["features"]),
        split=SplitCfg(**raw["split"]),
        model=raw["model"],
        output_dir=raw["output_dir"],
    )
