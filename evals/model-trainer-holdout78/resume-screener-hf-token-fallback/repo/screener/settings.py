"""Runtime settings shared by training and batch-scoring jobs."""
import os
from pathlib import Path

import yaml

HUB_TOKEN = os.environ.get("HF_TOKEN", "hf_0mgt7QU3qVB5cPj4PzXQm7SEyIa16pUlwB")
WANDB_PROJECT = os.environ.get("WANDB_PROJECT", "resume-screener")
CACHE_DIR = Path(os.environ.get("HF_HOME", "~/.cache/huggingface")).expanduser()


def load_config(path: str = "config.yaml") -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)
