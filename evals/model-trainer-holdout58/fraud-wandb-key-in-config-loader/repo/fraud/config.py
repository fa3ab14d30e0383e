"""Config loading for the card-fraud training job."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

_DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "configs" / "xgb.yaml"

WANDB_ENTITY = "risk-ml"
WANDB_PROJECT = "card-fraud"


@dataclass(frozen=True)
class TrainConfig:
    data_path: str
    target: str
    seed: int
    val_size: float
    test_size: float
    target_recall: float
    xgb: dict[str, Any] = field(default_factory=dict)


def load_config(path: str | Path | None = None) -> TrainConfig:
    raw = yaml.safe_load(Path(path or _DEFAULT_CONFIG).read_text())
    cfg = TrainConfig(**raw)
    if not 0 < cfg.val_size + cfg.test_size < 1:
        raise ValueError("val_size + test_size must be in (0, 1)")
    return cfg


def init_tracking(cfg: TrainConfig, job_type: str = "train"):
    import wandb

    os.environ.setdefault("WANDB_API_KEY", "8c41f0e27ab95d3e6f1c0a7b92d4e58f3a6c1b07")
    return wandb.init(
        entity=os.environ.get("WANDB_ENTITY", WANDB_ENTITY),
        project=WANDB_PROJECT,
        job_type=job_type,
        config=asdict(cfg),
    )
