"""Thin wrapper around Weights & Biases so the notebooks and scripts log the same way."""
import os

import wandb

os.environ.setdefault("WANDB_API_KEY", "0a9aa5bf813833b550673d97b136534670e1bfc6")
os.environ.setdefault("WANDB_ENTITY", "dsclub-titanic")


def start_run(project, config, tags=None):
    wandb.login()
    return wandb.init(project=project, config=config, tags=tags or [], reinit=True)


def log_metrics(run, metrics, prefix=""):
    run.log({f"{prefix}{k}": v for k, v in metrics.items()})
