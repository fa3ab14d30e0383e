import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE

from .settings import Settings

log = logging.getLogger(__name__)


def _engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    ts = pd.to_datetime(out["ts"])
    out["hour"] = ts.dt.hour
    out["is_weekend"] = (ts.dt.dayofweek >= 5).astype(int)
    out["log_amount"] = np.log1p(out["amount"].clip(lower=0))
    out["amount_vs_card_median"] = out["amount"] / out["card_median_amount_90d"].replace(0, np.nan)
    out["foreign"] = (out["merchant_country"] != out["card_country"]).astype(int)
    return out.drop(columns=["merchant_country", "card_country"])


def _rebalance(X: pd.DataFrame, y: pd.Series, settings: Settings):
    sampler = SMOTE(
        sampling_strategy=settings.sampling["minority_ratio"],
        k_neighbors=5,
        random_state=settings.seed,
    )
    X_res, y_res = sampler.fit_resample(X, y)
    log.info("rebalanced %d -> %d rows (fraud share %.3f)", len(y), len(y_res), y_res.mean())
    return X_res, y_res


def load_training_data(settings: Settings):
    """Return the model-ready feature matrix and labels."""
    df = pd.read_parquet(settings.data["transactions"])
    df = _engineer(df)
    y = df.pop(settings.data["label"]).astype(int)
    X = df.drop(columns=settings.data["drop"]).fillna(-1.0)
    log.info("loaded %d transactions, fraud rate %.4f", len(y), y.mean())
    if settings.sampling.get("enabled", False):
        X, y = _rebalance(X, y, settings)
    return X, y
