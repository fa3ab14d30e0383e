import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    data: dict
    sampling: dict
    split: dict
    model: dict
    output: dict

    @property
    def seed(self) -> int:
        return int(self.split["seed"])


def load_settings(path: str | Path = "config/train.toml") -> Settings:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    return Settings(**raw)
