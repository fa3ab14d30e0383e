import wandb


def init_run(cfg):
    wb = cfg["wandb"]
    wandb.login(key=wb["api_key"])
    return wandb.init(
        entity=wb["entity"],
        project=wb["project"],
        name=cfg["run_name"],
        config={k: v for k, v in cfg.items() if k != "wandb"},
    )


def log_metrics(run, prefix, metrics):
    run.log({f"{prefix}/{k}": v for k, v in metrics.items()})
