"""Entry point:  python -m fraudkit.run configs/fraud_xgb.yaml [key=value ...]"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import mlflow
from omegaconf import OmegaConf

from fraudkit.data import load_splits
from fraudkit.trainer import XGBTrainer


def main(argv: list[str]) -> None:
    logging.basicConfig(level=logging.INFO)
    cfg = OmegaConf.merge(OmegaConf.load(argv[0]), OmegaConf.from_dotlist(argv[1:]))
    mlflow.set_experiment(cfg.experiment)

    splits = load_splits(cfg)
    with mlflow.start_run():
        mlflow.log_params(OmegaConf.to_container(cfg.model, resolve=True))
        mlflow.log_param("eval_split", cfg.train.eval_split)
        trainer = XGBTrainer(cfg).fit(splits)
        metrics = trainer.evaluate(splits)
        mlflow.log_metrics(metrics)
        out = Path("artifacts") / "xgb_fraud.json"
        out.parent.mkdir(exist_ok=True)
        trainer.model.save_model(out)
        mlflow.log_artifact(str(out))
        mlflow.log_text(OmegaConf.to_yaml(cfg), "config.yaml")
    for k, v in metrics.items():
        print(f"{k:>22s}: {v:.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
