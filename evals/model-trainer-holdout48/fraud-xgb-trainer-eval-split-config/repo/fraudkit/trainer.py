"""XGBoost trainer with early stopping and a logistic-regression reference model."""
from __future__ import annotations

import logging

import mlflow
import numpy as np
import xgboost as xgb
from omegaconf import DictConfig, OmegaConf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraudkit.data import XY

log = logging.getLogger(__name__)


def ranking_metrics(y_true, proba) -> dict[str, float]:
    return {
        "roc_auc": float(roc_auc_score(y_true, proba)),
        "pr_auc": float(average_precision_score(y_true, proba)),
    }


class XGBTrainer:
    def __init__(self, cfg: DictConfig):
        self.cfg = cfg
        self.model: xgb.XGBClassifier | None = None

    def build(self, y_train) -> xgb.XGBClassifier:
        params = OmegaConf.to_container(self.cfg.model, resolve=True)
        pos_weight = float((y_train == 0).sum() / max((y_train == 1).sum(), 1))
        return xgb.XGBClassifier(
            **params,
            scale_pos_weight=pos_weight,
            early_stopping_rounds=self.cfg.train.early_stopping_rounds,
            eval_metric=self.cfg.train.eval_metric,
            random_state=self.cfg.seed,
            n_jobs=-1,
        )

    def fit(self, splits: dict[str, XY]) -> "XGBTrainer":
        train = splits["train"]
        es = splits[self.cfg.train.eval_split]
        self.model = self.build(train.y)
        self.model.fit(train.X, train.y, eval_set=[(es.X, es.y)], verbose=200)
        log.info("best iteration %d", self.model.best_iteration)
        mlflow.log_metric("best_iteration", self.model.best_iteration)
        return self

    def fit_baseline(self, train: XY):
        params = OmegaConf.to_container(self.cfg.baseline, resolve=True)
        base = make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced", **params))
        return base.fit(train.X.fillna(0), train.y)

    def evaluate(self, splits: dict[str, XY]) -> dict[str, float]:
        hold = splits["holdout"]
        proba = self.model.predict_proba(hold.X)[:, 1]
        metrics = ranking_metrics(hold.y, proba)
        base = self.fit_baseline(splits["train"])
        base_proba = base.predict_proba(hold.X.fillna(0))[:, 1]
        metrics |= {f"baseline_{k}": v for k, v in ranking_metrics(hold.y, base_proba).items()}
        order = np.argsort(-proba)
        top = order[: max(1, int(0.01 * len(order)))]
        metrics["recall_at_top1pct"] = float(hold.y.to_numpy()[top].sum() / max(hold.y.sum(), 1))
        return metrics
