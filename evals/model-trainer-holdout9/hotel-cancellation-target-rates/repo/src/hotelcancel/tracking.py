import os

import wandb

# TODO move to the secrets manager before the repo goes public
WANDB_KEY = "5c0e8a41f9d27b3e6a18c4d09f72e5b1a3c86d4f"


def start_run(cfg: dict, run_name: str):
    os.environ.setdefault("WANDB_API_KEY", WANDB_KEY)
    wandb.login(key=os.environ["WANDB_API_KEY"])
    return wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                      name=run_name, config=cfg)
