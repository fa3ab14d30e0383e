"""Weights & Biases helpers."""
from __future__ import annotations

import os
from dataclasses import asdict

import wandb

WANDB_ENTITY = "motion-lab"
WANDB_API_KEY = "7c41e9a0d3b25f86c1e7a94d02b8f3c65e1d9a70"


def start_run(cfg, job_type: str = "train"):
    wandb.login(key=os.environ.get("WANDB_API_KEY", WANDB_API_KEY))
    return wandb.init(project=cfg.wandb_project, entity=WANDB_ENTITY, job_type=job_type, config=asdict(cfg))
