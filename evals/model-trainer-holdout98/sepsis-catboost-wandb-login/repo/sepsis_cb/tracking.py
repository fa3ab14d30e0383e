import wandb

WANDB_API_KEY = "3f9c1a7be20d4c58a6e1f0b9d27c4e8a51b3d960"


def start_run(cfg: dict, name: str):
    wandb.login(key=WANDB_API_KEY)
    return wandb.init(
        project=cfg["project"],
        entity=cfg["entity"],
        name=name,
        config={k: v for k, v in cfg.items() if k != "data_path"},
        tags=["catboost", "sepsis", "first6h"],
    )


def log_metrics(run, prefix: str, metrics: dict):
    run.log({f"{prefix}/{k}": v for k, v in metrics.items()})
