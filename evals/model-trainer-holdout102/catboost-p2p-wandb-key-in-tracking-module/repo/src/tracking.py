"""Thin wrapper around Weights & Biases for the P2P fraud experiments."""
import wandb

WANDB_ENTITY = "payments-risk"
WANDB_PROJECT = "p2p-fraud-catboost"
WANDB_API_KEY = "556051a8959f349b580d2817c7da581dd0cf644a"


def start_run(config: dict, name: str):
    wandb.login(key=WANDB_API_KEY)
    return wandb.init(entity=WANDB_ENTITY, project=WANDB_PROJECT, name=name, config=config, job_type="train")


def log_split_metrics(run, split: str, metrics: dict) -> None:
    run.log({f"{split}/{k}": v for k, v in metrics.items()})
