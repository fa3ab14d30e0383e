"""XGBoost trainer for the card-fraud score."""
from __future__ import annotations

import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import xgboost as xgb

from fraudscore.config import TrainConfig
from fraudscore.data import TARGET
from fraudscore.features import FeatureBuilder

log = logging.getLogger(__name__)


class FraudTrainer:
    def __init__(self, cfg: TrainConfig) -> None:
        self.cfg = cfg
        self.builder = FeatureBuilder(cfg.features)
        self.model: xgb.XGBClassifier | None = None

    def fit(self, splits: dict[str, pd.DataFrame]) -> "FraudTrainer":
        es = self.cfg.early_stopping
        train_df = splits["train"]
        x_train = self.builder.fit_transform(train_df)
        y_train = train_df[TARGET].to_numpy()

        neg, pos = np.bincount(y_train, minlength=2)
        self.model = xgb.XGBClassifier(
            **self.cfg.xgb_params,
            scale_pos_weight=neg / max(pos, 1),
            early_stopping_rounds=es.rounds,
            eval_metric=es.metric,
            tree_method="hist",
            random_state=self.cfg.seed,
        )
        stop_df = splits[es.split]
        x_stop = self.builder.transform(stop_df)
        y_stop = stop_df[TARGET].to_numpy()
        self.model.fit(x_train, y_train, eval_set=[(x_stop, y_stop)], verbose=250)
        log.info("stopped at iteration %d on '%s' (%s=%.4f)",
                 self.model.best_iteration, es.split, es.metric, self.model.best_score)
        return self

    def predict_proba(self, df: pd.DataFrame) -> np.ndarray:
        return self.model.predict_proba(self.builder.transform(df))[:, 1]

    def save(self, out_dir: str | Path) -> Path:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        joblib.dump({"builder": self.builder, "model": self.model}, out / "fraud_xgb.joblib")
        return out / "fraud_xgb.joblib"
