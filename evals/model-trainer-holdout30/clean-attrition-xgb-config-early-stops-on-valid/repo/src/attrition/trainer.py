"""XGBoost training with early stopping on the configured (validation) split."""
from __future__ import annotations

import joblib
import numpy as np
import pandas as pd
import xgboost as xgb

from attrition.config import Config
from attrition.prep import make_encoder


class BoosterTrainer:
    def __init__(self, cfg: Config) -> None:
        self.cfg = cfg
        self.encoder = make_encoder(cfg.numeric, cfg.categorical)
        self.model: xgb.XGBClassifier | None = None

    def _xy(self, df: pd.DataFrame, fit: bool = False):
        cols = self.cfg.numeric + self.cfg.categorical
        x = self.encoder.fit_transform(df[cols]) if fit else self.encoder.transform(df[cols])
        return x, df[self.cfg.target].to_numpy()

    def fit(self, data: dict[str, pd.DataFrame]) -> "BoosterTrainer":
        x_tr, y_tr = self._xy(data["train"], fit=True)
        x_es, y_es = self._xy(data[self.cfg.early_stop.split])
        self.model = xgb.XGBClassifier(
            **self.cfg.booster,
            early_stopping_rounds=self.cfg.early_stop.rounds,
            eval_metric=["aucpr", "logloss"],
            random_state=self.cfg.seed,
        )
        self.model.fit(x_tr, y_tr, eval_set=[(x_es, y_es)], verbose=100)
        return self

    def predict_proba(self, df: pd.DataFrame) -> np.ndarray:
        x, _ = self._xy(df)
        return self.model.predict_proba(x)[:, 1]

    def dump(self, path: str) -> None:
        joblib.dump({"encoder": self.encoder, "model": self.model}, path)
