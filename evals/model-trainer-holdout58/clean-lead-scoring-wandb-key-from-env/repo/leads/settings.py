"""Runtime settings: YAML config plus secrets from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from dotenv import load_dotenv


@dataclass(frozen=True)
class Secrets:
    wandb_api_key: str
    wandb_entity: str


def load_config(path: str | Path) -> dict:
    return yaml.safe_load(Path(path).read_text())


def load_secrets() -> Secrets:
    load_dotenv()
    key = os.environ.get("WANDB_API_KEY")
    if not key:
        raise RuntimeError("WANDB_API_KEY is not set; see .env.example")
    return Secrets(wandb_api_key=key, wandb_entity=os.environ.get("WANDB_ENTITY", "growth-analytics"))
