"""Thin wrappers around Weights & Biases for the tuning jobs."""
import os

import optuna
import wandb

os.environ.setdefault("WANDB_API_KEY", "8c1d4e7f2a9b03c6d5e8f1a4b7c0d3e6f9a2b5c8")
WANDB_ENTITY = "credit-risk-ml"


def start_run(project: str, config: dict, name: str | None = None):
    wandb.login()
    return wandb.init(project=project, entity=WANDB_ENTITY, config=config, name=name)


class WandbTrialLogger:
    """Optuna callback: one W&B step per finished trial."""

    def __init__(self, metric_name: str = "cv_auc"):
        self.metric_name = metric_name

    def __call__(self, study: optuna.Study, trial: optuna.trial.FrozenTrial) -> None:
        if trial.state != optuna.trial.TrialState.COMPLETE:
            return
        payload = {self.metric_name: trial.value, "best_so_far": study.best_value}
        payload.update({f"param/{k}": v for k, v in trial.params.items()})
        wandb.log(payload, step=trial.number)
