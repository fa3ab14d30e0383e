import wandb


def init_run(cfg):
    wb = cfg.get("wandb", {})
    if not wb.get("enabled", False):
        return None
    wandb.login(key=wb["api_key"])
    return wandb.init(project=wb["project"], entity=wb["entity"], name=cfg["experiment"],
                      config={k: v for k, v in cfg.items() if k != "wandb"})


def log_metrics(run, metrics, step=None):
    if run is not None:
        run.log(metrics, step=step)
