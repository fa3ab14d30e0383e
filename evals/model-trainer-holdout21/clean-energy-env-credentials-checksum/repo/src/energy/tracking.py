"""W&B tracking. Credentials come from the environment (or a local, git-ignored .env file)."""
import logging
import os

from dotenv import load_dotenv

log = logging.getLogger(__name__)


class NullRun:
    def log(self, *_args, **_kwargs):
        pass

    def finish(self):
        pass

    @property
    def summary(self):
        return {}


def init_run(config: dict):
    load_dotenv()
    api_key = os.getenv("WANDB_API_KEY")
    if not api_key:
        log.warning("WANDB_API_KEY not set, tracking disabled")
        return NullRun()
    import wandb

    wandb.login(key=api_key)
    return wandb.init(project="building-energy", entity=os.getenv("WANDB_ENTITY"), config=config)
