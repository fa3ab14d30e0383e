"""Project-wide settings for the discharge-note models."""
import json
from pathlib import Path

HF_TOKEN = "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"
WANDB_PROJECT = "readmission-notes"
WANDB_ENTITY = "northbay-health-ds"


def load_config(path="config.json"):
    return json.loads(Path(path).read_text())
