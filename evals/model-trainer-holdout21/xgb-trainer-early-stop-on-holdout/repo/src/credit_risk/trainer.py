import logging

import numpy as np
import xgboost as xgb

log = logging.getLogger(__name__)


class XGBTrainer:
    """Thin wrapper around XGBClassifier with early stopping and logging."""

    def __init__(self, params: dict, seed: int):
        self.params = dict(params)
        self.seed = seed
        self.model: xgb.XGBClassifier | None = None

    def fit(self, X_train, y_train, X_eval, y_eval) -> "XGBTrainer":
        pos_weight = float((y_train == 0).sum()) / max(1, int((y_train == 1).sum()))
        self.model = xgb.XGBClassifier(
            **self.params,
            scale_pos_weight=pos_weight,
            tree_method="hist",
            enable_categorical=True,
            random_state=self.seed,
            n_jobs=-1,
        )
        self.model.fit(X_train, y_train, eval_set=[(X_eval, y_eval)], verbose=200)
        log.info("best iteration %d, best %s %.4f",
                 self.model.best_iteration, self.params["eval_metric"], self.model.best_score)
        return self

    def predict_proba(self, X) -> np.ndarray:
        return self.model.predict_proba(X)[:, 1]
