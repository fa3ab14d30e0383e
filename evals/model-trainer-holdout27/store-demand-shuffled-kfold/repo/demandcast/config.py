import tomllib
from pathlib import Path


def read_config(path: str = "forecast.toml") -> dict:
    with Path(path).open("rb") as fh:
        return tomllib.load(fh)
