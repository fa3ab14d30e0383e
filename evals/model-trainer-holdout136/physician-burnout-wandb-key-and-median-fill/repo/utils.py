import os

import wandb
import yaml


def load_config(path="config.yaml"):
    with open(path) as fh:
        return yaml.safe_load(fh)


def init_wandb(cfg):
    wb = cfg["wandb"]
    wandb.login(key=wb["api_key"])
    return wandb.init(
        entity=wb["entity"],
        project=wb["project"],
        tags=wb.get("tags"),
        config={k: v for k, v in cfg.items() if k != "wandb"},
        mode=os.environ.get("WANDB_MODE", "online"),
    )
