from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class SplitConfig:
    test_size: float = 0.2
    valid_size: float = 0.1


@dataclass
class ChurnConfig:
    seed: int
    paths: dict
    target: str
    id_col: str
    categorical: list[str]
    numeric: list[str]
    encode_target_for: list[str]
    split: SplitConfig = field(default_factory=SplitConfig)
    lgbm: dict = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, path: str | Path) -> "ChurnConfig":
        with open(path) as fh:
            raw = yaml.safe_load(fh)
        raw["split"] = SplitConfig(**raw.get("split", {}))
        return cls(**raw)
