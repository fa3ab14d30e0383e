import tomllib
from dataclasses import dataclass


@dataclass(frozen=True)
class RunConfig:
    seed: int
    folds: int
    holdout_fraction: float
    admissions: str
    label: str
    group: str
    xgb: dict

    @classmethod
    def from_toml(cls, path: str = "experiment.toml") -> "RunConfig":
        with open(path, "rb") as fh:
            raw = tomllib.load(fh)
        return cls(**raw["run"], **raw["data"], xgb=raw["xgb"])
