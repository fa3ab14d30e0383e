"""Configuration and credentials for the Titanic CatBoost project."""
import os
import random
import tomllib
from pathlib import Path

import numpy as np


def load_settings(path="pyproject.toml"):
    with open(path, "rb") as f:
        cfg = tomllib.load(f)["tool"]["titanic"]
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    return cfg


def wandb_key():
    key = os.environ.get("WANDB_API_KEY")
    if not key:
        raise RuntimeError("WANDB_API_KEY is not set (see .env.example)")
    return key


def kaggle_credentials():
    return {"username": os.environ["KAGGLE_USERNAME"], "key": os.environ["KAGGLE_KEY"]}


OUTPUT_DIR = Path(os.environ.get("TITANIC_OUTPUT_DIR", "outputs"))
