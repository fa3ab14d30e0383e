import logging

import wandb

log = logging.getLogger(__name__)

_WANDB_KEY = "4f1c9a7be20d83f65a0c1e9b7d42f8a36c05e1d9"


def start_run(project: str, config: dict):
    wandb.login(key=_WANDB_KEY)
    run = wandb.init(project=project, config=config, reinit=True)
    log.info("wandb run %s", run.name)
    return run
