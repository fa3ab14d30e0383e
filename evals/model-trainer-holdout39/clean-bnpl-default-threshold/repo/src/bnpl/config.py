import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunConfig:
    seed: int
    orders_path: str
    artifacts: str
    target: str
    features: list
    split: dict
    xgb: dict
    target_recall: float

    @staticmethod
    def load(path: str = "conf/run.json") -> "RunConfig":
        return RunConfig(**json.loads(Path(path).read_text()))
