import os

import wandb


def start_run(cfg):
    """Start a W&B run if a key is available in the environment, otherwise run offline."""
    wb = cfg["wandb"]
    key = os.environ.get(wb["api_key_env"])
    if key:
        wandb.login(key=key)
        mode = os.environ.get("WANDB_MODE", "online")
    else:
        print(f"{wb['api_key_env']} not set, logging offline")
        mode = "offline"
    return wandb.init(project=wb["project"], entity=wb["entity"], name=cfg["run_name"], mode=mode,
                      config={k: v for k, v in cfg.items() if k != "wandb"})
