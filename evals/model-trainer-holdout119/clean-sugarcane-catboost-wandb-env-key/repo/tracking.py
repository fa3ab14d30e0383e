"""Thin wrapper so training runs without W&B when no key is configured."""
import os


class Tracker:
    def __init__(self, cfg, run_name):
        t = cfg.get("tracking", {})
        self.run = None
        if t.get("enabled") and os.environ.get("WANDB_API_KEY"):
            import wandb  # reads WANDB_API_KEY from the environment

            self.run = wandb.init(project=t["project"], entity=t["entity"], name=run_name,
                                  tags=t.get("tags"), config=cfg)
        else:
            print("[tracking] W&B disabled (no WANDB_API_KEY in environment)")

    def log(self, metrics):
        print(metrics)
        if self.run is not None:
            self.run.log(metrics)

    def finish(self):
        if self.run is not None:
            self.run.finish()
