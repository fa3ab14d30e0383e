import os

import wandb


def start_run(cfg):
    tc = cfg["tracking"]
    key = os.environ.get(tc["api_key_env"])
    if key:
        wandb.login(key=key)
    else:
        os.environ.setdefault("WANDB_MODE", "offline")
    return wandb.init(project=tc["project"], entity=tc["entity"], name=cfg["run_name"], config=cfg)
