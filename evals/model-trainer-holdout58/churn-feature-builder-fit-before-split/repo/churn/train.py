"""Train the monthly churn model and log it to MLflow.

Usage:
    python -m churn.train --snapshot data/snapshots/2024-05.parquet
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import click
import joblib
import mlflow
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score

from churn.data import load_snapshot, split_arrays
from churn.features import FeatureBuilder

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
logger = logging.getLogger("churn.train")


def score(estimator, X, y) -> dict[str, float]:
    proba = estimator.predict_proba(X)[:, 1]
    return {
        "roc_auc": roc_auc_score(y, proba),
        "pr_auc": average_precision_score(y, proba),
        "f1": f1_score(y, estimator.predict(X)),
    }


@click.command()
@click.option("--config", "config_path", default="configs/train.yaml", type=click.Path(exists=True))
@click.option("--snapshot", required=True, type=click.Path(exists=True))
@click.option("--out-dir", default="artifacts", type=click.Path())
def main(config_path: str, snapshot: str, out_dir: str) -> None:
    cfg = yaml.safe_load(Path(config_path).read_text())
    seed = cfg["seed"]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    raw = load_snapshot(snapshot)
    builder = FeatureBuilder.from_config(cfg)
    X, y = builder.fit_transform(raw)
    X_train, X_test, y_train, y_test = split_arrays(X, y, cfg["split"]["test_size"], seed)
    logger.info("train=%d test=%d positive rate=%.3f", len(y_train), len(y_test), y.mean())

    params = cfg["model"]["params"]
    mlflow.set_experiment(cfg["mlflow"]["experiment"])
    run_name = f"{cfg['mlflow']['run_name_prefix']}-{Path(snapshot).stem}"
    with mlflow.start_run(run_name=run_name):
        mlflow.log_params({**params, "seed": seed, "snapshot": Path(snapshot).name})

        baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
        model = HistGradientBoostingClassifier(random_state=seed, **params)
        model.fit(X_train, y_train)

        metrics = {}
        for prefix, est in (("baseline", baseline), ("model", model)):
            for key, value in score(est, X_test, y_test).items():
                metrics[f"{prefix}_{key}"] = float(value)
        mlflow.log_metrics(metrics)
        logger.info("test metrics: %s", json.dumps(metrics, indent=2))

        joblib.dump({"features": builder.transformer, "model": model}, out / "churn_model.joblib")
        mlflow.log_artifact(str(out / "churn_model.joblib"))
        (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
