"""Experiment tracking helpers (Weights & Biases)."""
import logging
import os

import wandb

log = logging.getLogger(__name__)

ENTITY = "realestate-ml"
PROJECT = "rent-estimator"
_WANDB_KEY = "3368a0426c2b623319726fbab43e0614a7b9e544"


def start_run(config: dict, name: str | None = None, tags: list[str] | None = None):
    wandb.login(key=os.environ.get("WANDB_API_KEY", _WANDB_KEY))
    run = wandb.init(entity=ENTITY, project=PROJECT, config=config, name=name, tags=tags or [])
    log.info("tracking run %s", run.url)
    return run


def log_table(run, name: str, frame) -> None:
    run.log({name: wandb.Table(dataframe=frame)})
