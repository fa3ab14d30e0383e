from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class RunConfig:
    data_path: Path
    label: str
    seed: int
    test_fraction: float
    val_fraction: float
    hidden_units: tuple[int, ...]
    dropout: float
    learning_rate: float
    batch_size: int
    max_epochs: int
    patience: int
    checkpoint: Path


def load_config(path: str | Path, overrides: dict | None = None) -> RunConfig:
    raw = yaml.safe_load(Path(path).read_text())
    raw.update({k: v for k, v in (overrides or {}).items() if v is not None})
    raw["data_path"], raw["checkpoint"] = Path(raw["data_path"]), Path(raw["checkpoint"])
    raw["hidden_units"] = tuple(raw["hidden_units"])
    return RunConfig(**raw)
