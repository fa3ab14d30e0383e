import os

import wandb


def start_run(cfg):
    """Start a W&B run; falls back to offline mode when no key is configured."""
    wb = cfg["wandb"]
    key = os.environ.get(wb["api_key_env"])
    mode = wb.get("mode", "online") if key else "offline"
    if key:
        wandb.login(key=key)
    return wandb.init(project=wb["project"], entity=wb["entity"], mode=mode,
                      config={k: v for k, v in cfg.items() if k != "wandb"})
