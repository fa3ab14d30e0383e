"""Nightly retraining job for the policy lapse model."""
import json
import logging

import joblib
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score

from lapsesvc.config import TrainConfig
from lapsesvc.pipeline import build_preprocessor

log = logging.getLogger("lapsesvc.train")


class LapseTrainer:
    def __init__(self, cfg: TrainConfig) -> None:
        self.cfg = cfg
        self.preprocessor = build_preprocessor(cfg)
        self.model = GradientBoostingClassifier(
            n_estimators=cfg.n_estimators,
            learning_rate=cfg.learning_rate,
            max_depth=cfg.max_depth,
            subsample=0.8,
            random_state=cfg.seed,
        )
        self.baseline = DummyClassifier(strategy="prior")

    def _columns(self, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
        return frame[list(self.cfg.numeric) + list(self.cfg.categorical)], frame[self.cfg.label]

    def fit(self, train: pd.DataFrame) -> None:
        features, labels = self._columns(train)
        matrix = self.preprocessor.fit_transform(features)
        self.model.fit(matrix, labels)
        self.baseline.fit(matrix, labels)

    def evaluate(self, holdout: pd.DataFrame) -> dict[str, float]:
        features, labels = self._columns(holdout)
        matrix = self.preprocessor.fit_transform(features)
        lapse_prob = self.model.predict_proba(matrix)[:, 1]
        prior_prob = self.baseline.predict_proba(matrix)[:, 1]
        return {
            "roc_auc": roc_auc_score(labels, lapse_prob),
            "pr_auc": average_precision_score(labels, lapse_prob),
            "log_loss": log_loss(labels, lapse_prob),
            "prior_log_loss": log_loss(labels, prior_prob),
        }

    def save(self) -> None:
        self.cfg.model_dir.mkdir(parents=True, exist_ok=True)
        bundle = {"preprocessor": self.preprocessor, "model": self.model}
        joblib.dump(bundle, self.cfg.model_dir / "lapse.joblib")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    cfg = TrainConfig()
    trainer = LapseTrainer(cfg)
    trainer.fit(pd.read_parquet(cfg.train_path))
    metrics = trainer.evaluate(pd.read_parquet(cfg.eval_path))
    log.info("holdout metrics: %s", json.dumps(metrics, indent=2))
    trainer.save()


if __name__ == "__main__":
    main()
