import tomllib
from pathlib import Path


def load(path: str | Path = "config/forecast.toml") -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)
