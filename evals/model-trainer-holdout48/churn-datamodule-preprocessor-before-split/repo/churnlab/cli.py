"""Command line entry point: python -m churnlab.cli --config configs/default.yaml"""
from __future__ import annotations

import argparse
import copy
import json
import logging

import mlflow
import yaml

from churnlab.data import ChurnDataModule
from churnlab.trainer import Trainer


def apply_overrides(cfg: dict, overrides: list[str]) -> dict:
    cfg = copy.deepcopy(cfg)
    for item in overrides:
        key, raw = item.split("=", 1)
        node = cfg
        *parents, leaf = key.split(".")
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = yaml.safe_load(raw)
    return cfg


def main() -> None:
    parser = argparse.ArgumentParser(description="Train a churn model from a YAML config")
    parser.add_argument("--config", default="configs/default.yaml")
    parser.add_argument("overrides", nargs="*", help="dotted overrides, e.g. model.params.max_iter=800")
    args = parser.parse_args()

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with open(args.config) as fh:
        cfg = apply_overrides(yaml.safe_load(fh), args.overrides)

    mlflow.set_tracking_uri(cfg["mlflow"]["tracking_uri"])
    mlflow.set_experiment(cfg["experiment"])
    with mlflow.start_run():
        mlflow.log_dict(cfg, "config.yaml")
        dm = ChurnDataModule.from_config(cfg)
        metrics = Trainer(cfg, dm).run()
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
