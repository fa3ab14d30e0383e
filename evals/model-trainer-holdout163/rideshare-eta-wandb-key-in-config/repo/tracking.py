"""Thin wrapper around wandb so training scripts don't care whether tracking is on."""
import wandb


class Tracker:
    def __init__(self, cfg, enabled=True):
        self.enabled = enabled
        if not enabled:
            return
        wb = cfg["wandb"]
        wandb.login(key=wb["api_key"], relogin=True)
        self.run = wandb.init(project=wb["project"], entity=wb["entity"], name=cfg["run_name"],
                              tags=wb.get("tags"), config={k: v for k, v in cfg.items() if k != "wandb"})

    def log(self, metrics, step=None):
        if self.enabled:
            wandb.log(metrics, step=step)

    def summary(self, **kv):
        if self.enabled:
            for k, v in kv.items():
                self.run.summary[k] = v

    def finish(self):
        if self.enabled:
            self.run.finish()
