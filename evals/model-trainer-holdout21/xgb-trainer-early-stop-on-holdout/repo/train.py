"""Train the 12-month default model.

    python train.py --config configs/xgb.yaml --experiment credit-default
"""
import argparse
import logging

import mlflow
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from credit_risk.data import load_frame, make_splits
from credit_risk.metrics import classification_report
from credit_risk.trainer import XGBTrainer

logging.basicConfig(level=logging.INFO, format="%(asctime)s [%(levelname)s] %(message)s")
log = logging.getLogger("train")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/xgb.yaml")
    ap.add_argument("--experiment", default="credit-default")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    X, y = load_frame(cfg["data"]["path"], cfg["data"]["target"], cfg["data"]["drop"])
    splits = make_splits(X, y, cfg["data"]["test_size"], cfg["seed"])
    log.info("train=%d test=%d default rate=%.3f", len(splits.y_train), len(splits.y_test), y.mean())

    mlflow.set_experiment(args.experiment)
    with mlflow.start_run():
        mlflow.log_params(cfg["model"])

        num_cols = splits.X_train.select_dtypes("number").columns
        baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.5))
        baseline.fit(splits.X_train[num_cols].fillna(0), splits.y_train)
        base_metrics = classification_report(
            splits.y_test, baseline.predict_proba(splits.X_test[num_cols].fillna(0))[:, 1]
        )

        trainer = XGBTrainer(cfg["model"], seed=cfg["seed"])
        trainer.fit(splits.X_train, splits.y_train, splits.X_test, splits.y_test)
        xgb_metrics = classification_report(splits.y_test, trainer.predict_proba(splits.X_test))

        mlflow.log_metrics({f"baseline_{k}": v for k, v in base_metrics.items()})
        mlflow.log_metrics({f"test_{k}": v for k, v in xgb_metrics.items()})
        mlflow.xgboost.log_model(trainer.model, "model")
        log.info("baseline %s", base_metrics)
        log.info("xgboost  %s", xgb_metrics)


if __name__ == "__main__":
    main()
