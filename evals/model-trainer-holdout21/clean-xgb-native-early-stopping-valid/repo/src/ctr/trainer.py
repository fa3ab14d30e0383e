import logging

import numpy as np
import xgboost as xgb
from sklearn.metrics import f1_score, precision_recall_curve

from .config import EARLY_STOPPING, NUM_BOOST_ROUND, XGB_PARAMS

log = logging.getLogger(__name__)


class BoosterTrainer:
    def __init__(self, params: dict | None = None):
        self.params = dict(params or XGB_PARAMS)
        self.booster: xgb.Booster | None = None
        self.threshold = 0.5

    def fit(self, X_train, y_train, X_valid, y_valid) -> "BoosterTrainer":
        dtrain = xgb.DMatrix(X_train, label=y_train, enable_categorical=True)
        dvalid = xgb.DMatrix(X_valid, label=y_valid, enable_categorical=True)
        self.booster = xgb.train(
            self.params, dtrain, num_boost_round=NUM_BOOST_ROUND,
            evals=[(dtrain, "train"), (dvalid, "valid")],
            early_stopping_rounds=EARLY_STOPPING, verbose_eval=250,
        )
        log.info("best iteration %d", self.booster.best_iteration)
        self.threshold = self._tune_threshold(y_valid, self.predict_proba(X_valid))
        return self

    @staticmethod
    def _tune_threshold(y, p) -> float:
        prec, rec, thr = precision_recall_curve(y, p)
        f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
        best = float(thr[int(np.argmax(f1))])
        log.info("valid-set F1-optimal threshold %.3f", best)
        return best

    def predict_proba(self, X) -> np.ndarray:
        d = xgb.DMatrix(X, enable_categorical=True)
        return self.booster.predict(d, iteration_range=(0, self.booster.best_iteration + 1))

    def predict(self, X) -> np.ndarray:
        return (self.predict_proba(X) >= self.threshold).astype(int)
