"""Trainer: fits the baseline and the configured model, logs everything to MLflow."""
from __future__ import annotations

import logging

import mlflow
import numpy as np
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from churnlab.data import ChurnDataModule, Split
from churnlab.models import build_model

log = logging.getLogger(__name__)


def score(model, split: Split) -> dict[str, float]:
    proba = model.predict_proba(split.X)[:, 1]
    return {
        "roc_auc": roc_auc_score(split.y, proba),
        "avg_precision": average_precision_score(split.y, proba),
        "brier": brier_score_loss(split.y, proba),
    }


class Trainer:
    def __init__(self, cfg: dict, datamodule: ChurnDataModule):
        self.cfg = cfg
        self.dm = datamodule
        self.seed = cfg["seed"]

    def _fit_one(self, role: str) -> tuple[object, dict[str, float]]:
        spec = self.cfg[role]
        model = build_model(spec["name"], spec.get("params"), self.seed)
        train = self.dm.splits["train"]
        model.fit(train.X, train.y)
        val_metrics = score(model, self.dm.splits["val"])
        log.info("%s (%s) val: %s", role, spec["name"], val_metrics)
        return model, val_metrics

    def run(self) -> dict[str, float]:
        np.random.seed(self.seed)
        self.dm.setup()
        mlflow.log_params({"model": self.cfg["model"]["name"], **self.cfg["model"]["params"]})
        mlflow.log_metrics(self.dm.summary())

        baseline, base_val = self._fit_one("baseline")
        model, model_val = self._fit_one("model")
        mlflow.log_metrics({f"baseline_val_{k}": v for k, v in base_val.items()})
        mlflow.log_metrics({f"val_{k}": v for k, v in model_val.items()})

        test_metrics = score(model, self.dm.splits["test"])
        base_test = score(baseline, self.dm.splits["test"])
        mlflow.log_metrics({f"test_{k}": v for k, v in test_metrics.items()})
        mlflow.log_metrics({f"baseline_test_{k}": v for k, v in base_test.items()})
        mlflow.sklearn.log_model(model, artifact_path="model")
        return test_metrics
