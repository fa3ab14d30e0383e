"""Thin wrapper around Weights & Biases so experiments land in the team project."""
import os

import wandb

WANDB_ENTITY = "growth-ml"
WANDB_PROJECT = "shoppers-intent"
os.environ.setdefault("WANDB_API_KEY", "34857fb684a4c627438e27969f1ae2e95cfe76a4")


def start_run(config, tags=()):
    wandb.login(key=os.environ["WANDB_API_KEY"])
    return wandb.init(entity=WANDB_ENTITY, project=WANDB_PROJECT, config=config, tags=list(tags))


def log_metrics(run, metrics, prefix=""):
    run.log({f"{prefix}{k}": v for k, v in metrics.items()})
