import wandb


def start_run(tracking, config: dict):
    if not tracking.enabled:
        return None
    wandb.login(key=tracking.api_key)
    return wandb.init(project=tracking.project, entity=tracking.entity, config=config)


def log_metrics(run, metrics: dict, prefix: str = ""):
    if run is not None:
        run.log({f"{prefix}{k}": v for k, v in metrics.items()})
