"""Small helpers for turning a logistic model into scorecard points and reporting it."""
import numpy as np
import pandas as pd
from scipy.stats import ks_2samp
from sklearn.metrics import roc_auc_score

PDO = 20          # points to double the odds
BASE_SCORE = 600
BASE_ODDS = 50    # good:bad odds at the base score


def points_from_logodds(log_odds_bad: np.ndarray) -> np.ndarray:
    factor = PDO / np.log(2)
    offset = BASE_SCORE - factor * np.log(BASE_ODDS)
    return offset - factor * log_odds_bad


def discrimination_report(y_true, p_bad) -> dict:
    y_true = np.asarray(y_true)
    p_bad = np.asarray(p_bad)
    auc = roc_auc_score(y_true, p_bad)
    return {
        "auc": auc,
        "gini": 2 * auc - 1,
        "ks": ks_2samp(p_bad[y_true == 1], p_bad[y_true == 0]).statistic,
    }


def score_band_table(scores: np.ndarray, y_true, n_bands: int = 10) -> pd.DataFrame:
    bands = pd.qcut(scores, q=n_bands, duplicates="drop")
    tab = pd.DataFrame({"band": bands, "bad": np.asarray(y_true)}).groupby("band", observed=True)["bad"]
    return tab.agg(accounts="size", bad_rate="mean").reset_index()
