import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold


def smoothed_rate(fit_frame: pd.DataFrame, key: str, prior: float, strength: float) -> pd.Series:
    stats = fit_frame.groupby(key)["clicked"].agg(["sum", "count"])
    return (stats["sum"] + prior * strength) / (stats["count"] + strength)


def oof_item_ctr(train: pd.DataFrame, key="item_id", n_splits=5, strength=50.0) -> np.ndarray:
    """Out-of-fold item CTR for the training rows; folds are grouped by user so a user's own clicks
    never encode their own rows."""
    out = np.empty(len(train))
    prior = train["clicked"].mean()
    for fit_idx, enc_idx in GroupKFold(n_splits=n_splits).split(train, groups=train["user_id"]):
        rates = smoothed_rate(train.iloc[fit_idx], key, prior, strength)
        out[enc_idx] = train.iloc[enc_idx][key].map(rates).fillna(prior).to_numpy()
    return out


def apply_item_ctr(train: pd.DataFrame, other: pd.DataFrame, key="item_id", strength=50.0) -> np.ndarray:
    prior = train["clicked"].mean()
    rates = smoothed_rate(train, key, prior, strength)
    return other[key].map(rates).fillna(prior).to_numpy()
