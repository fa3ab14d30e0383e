"""Hydra entry point:  python -m losmodel.run model=xgb model.max_depth=5"""
from __future__ import annotations

import json
import logging
import random
from pathlib import Path

import hydra
import joblib
import mlflow
import numpy as np
from hydra.utils import instantiate
from omegaconf import DictConfig, OmegaConf
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from losmodel.features import build_features, load_encounters

log = logging.getLogger(__name__)


def regression_metrics(y_true, y_pred) -> dict[str, float]:
    return {
        "mae": float(mean_absolute_error(y_true, y_pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
    }


@hydra.main(config_path="../conf", config_name="config", version_base="1.3")
def main(cfg: DictConfig) -> None:
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    mlflow.set_experiment(cfg.experiment)

    df = load_encounters(cfg.data)
    X, y = build_features(df, cfg.features, cfg.data.target)
    log.info("design matrix %s", X.shape)

    model = instantiate(cfg.model)
    model.fit(X, y)
    baseline = DummyRegressor(strategy="median").fit(X, y)

    metrics = regression_metrics(y, model.predict(X))
    base_metrics = regression_metrics(y, baseline.predict(X))

    with mlflow.start_run(run_name=cfg.model._target_.rsplit(".", 1)[-1]):
        mlflow.log_params(OmegaConf.to_container(cfg.model, resolve=True))
        mlflow.log_metrics({f"eval_{k}": v for k, v in metrics.items()})
        mlflow.log_metrics({f"baseline_{k}": v for k, v in base_metrics.items()})
        out = Path(cfg.output_dir)
        out.mkdir(parents=True, exist_ok=True)
        joblib.dump({"model": model, "columns": list(X.columns)}, out / "model.joblib")
        (out / "metrics.json").write_text(json.dumps({"model": metrics, "baseline": base_metrics}, indent=2))
        mlflow.log_artifacts(str(out))
    log.info("eval metrics %s (baseline %s)", metrics, base_metrics)


if __name__ == "__main__":
    main()
