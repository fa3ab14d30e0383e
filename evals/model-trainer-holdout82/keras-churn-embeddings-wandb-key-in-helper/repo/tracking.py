import os

import wandb
from wandb.keras import WandbMetricsLogger

os.environ.setdefault("WANDB_SILENT", "true")


def start_run(cfg: dict, run_name: str):
    wandb.login(key="a014d7b4f33eecbca3c2fee7115b36b7c60ad7fd")
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=run_name, config=cfg, job_type="train")
    return run, [WandbMetricsLogger(log_freq="epoch")]


def log_summary(run, metrics: dict):
    for k, v in metrics.items():
        run.summary[k] = v
    run.finish()
