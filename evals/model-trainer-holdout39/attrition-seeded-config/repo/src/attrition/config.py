import argparse
from dataclasses import dataclass, field, fields

import yaml


@dataclass
class Config:
    seed: int = 0
    data_path: str = ""
    target: str = "left_company"
    test_size: float = 0.2
    cv_folds: int = 5
    model: dict = field(default_factory=dict)
    artifacts: str = "artifacts"


def parse_config(argv=None) -> Config:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/params.yaml")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--test-size", type=float, dest="test_size")
    args = ap.parse_args(argv)
    with open(args.config) as fh:
        raw = yaml.safe_load(fh)
    for name in ("seed", "test_size"):
        if getattr(args, name) is not None:
            raw[name] = getattr(args, name)
    known = {f.name for f in fields(Config)}
    return Config(**{k: v for k, v in raw.items() if k in known})
