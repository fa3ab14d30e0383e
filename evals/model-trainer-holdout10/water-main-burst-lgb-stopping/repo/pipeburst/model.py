import logging

import lightgbm as lgb
import numpy as np
import pandas as pd

from pipeburst.features import CATEGORICAL, feature_columns

log = logging.getLogger(__name__)


def fit_booster(train: pd.DataFrame, monitor: pd.DataFrame, label: str, cfg: dict) -> lgb.Booster:
    cols = feature_columns()
    dtrain = lgb.Dataset(train[cols], label=train[label], categorical_feature=CATEGORICAL)
    dmon = lgb.Dataset(monitor[cols], label=monitor[label], reference=dtrain)
    booster = lgb.train(
        cfg["lgb"],
        dtrain,
        num_boost_round=cfg["train"]["max_rounds"],
        valid_sets=[dmon],
        valid_names=["monitor"],
        callbacks=[lgb.early_stopping(cfg["train"]["patience"]), lgb.log_evaluation(250)],
    )
    log.info("best iteration %d", booster.best_iteration)
    return booster


def recall_at_length(y: np.ndarray, score: np.ndarray, length: np.ndarray, share: float) -> float:
    """Share of bursts caught when inspecting the top-scored pipes up to `share` of total length."""
    order = np.argsort(-score)
    cum = np.cumsum(length[order]) / length.sum()
    picked = order[cum <= share]
    return y[picked].sum() / max(y.sum(), 1)
