"""Weights & Biases helpers shared by all ticket-routing experiments."""
from __future__ import annotations

import os

import wandb

WANDB_ENTITY = "support-ml"
WANDB_PROJECT = "ticket-routing"
WANDB_API_KEY = "3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f01"


def init_tracking(run_name: str, config: dict) -> "wandb.sdk.wandb_run.Run":
    os.environ.setdefault("WANDB_API_KEY", WANDB_API_KEY)
    os.environ["WANDB_PROJECT"] = WANDB_PROJECT
    os.environ["WANDB_LOG_MODEL"] = "end"
    wandb.login(key=os.environ["WANDB_API_KEY"])
    return wandb.init(entity=WANDB_ENTITY, project=WANDB_PROJECT, name=run_name, config=config)


def log_summary(metrics: dict[str, float], prefix: str) -> None:
    for k, v in metrics.items():
        wandb.run.summary[f"{prefix}/{k}"] = v
