"""Thin wrapper around Weights & Biases so training also runs offline."""
import os

import wandb


def start_run(cfg: dict, job_type: str = "train"):
    wcfg = cfg["wandb"]
    api_key = os.environ.get(wcfg["api_key_env"])
    if api_key:
        wandb.login(key=api_key, relogin=False)
        mode = "online"
    else:
        print(f"{wcfg['api_key_env']} not set; logging to W&B in offline mode")
        mode = "offline"
    return wandb.init(project=wcfg["project"], entity=wcfg["entity"], job_type=job_type,
                      config={k: v for k, v in cfg.items() if k != "wandb"}, mode=mode)
