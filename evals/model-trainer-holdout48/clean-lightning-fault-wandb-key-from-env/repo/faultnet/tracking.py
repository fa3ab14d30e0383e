"""W&B logger factory used by all pump-fault experiments."""
from __future__ import annotations

import logging
import os

import wandb
from lightning.pytorch.loggers import WandbLogger
from omegaconf import DictConfig

log = logging.getLogger(__name__)


def make_logger(cfg: DictConfig, run_name: str) -> WandbLogger:
    api_key = cfg.logger.api_key or os.environ.get("WANDB_API_KEY")
    if api_key:
        wandb.login(key=api_key, relogin=False)
        mode = "online"
    else:
        log.warning("WANDB_API_KEY not set, logging offline")
        mode = "offline"
    return WandbLogger(project=cfg.logger.project, entity=cfg.logger.entity, name=run_name,
                       mode=mode, log_model=False)
