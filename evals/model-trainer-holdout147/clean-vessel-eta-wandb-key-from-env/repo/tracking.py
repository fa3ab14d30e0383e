import os

import wandb


def start_run(cfg: dict):
    t = cfg["tracking"]
    if not t.get("enabled", False):
        return None
    key = os.environ.get("WANDB_API_KEY")
    if not key:
        print("WANDB_API_KEY not set - running with tracking disabled")
        return None
    wandb.login(key=key)
    return wandb.init(project=t["project"], entity=t["entity"], name=cfg["experiment"], config=cfg)
