"""Expanding-window walk-forward backtest of a cross-sectional ridge model."""
import logging

import numpy as np
import pandas as pd
from scipy.stats import spearmanr
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

log = logging.getLogger(__name__)


def _choose_alpha(X, y, dates, alphas):
    """Pick the ridge penalty with an inner time-ordered split of the training window."""
    udates = np.unique(dates)
    best, best_ic = alphas[0], -np.inf
    for a in alphas:
        ics = []
        for tr, va in TimeSeriesSplit(n_splits=3).split(udates):
            m_tr, m_va = np.isin(dates, udates[tr]), np.isin(dates, udates[va])
            model = make_pipeline(StandardScaler(), Ridge(alpha=a)).fit(X[m_tr], y[m_tr])
            ics.append(spearmanr(model.predict(X[m_va]), y[m_va])[0])
        if np.mean(ics) > best_ic:
            best, best_ic = a, np.mean(ics)
    return best


def walk_forward(panel: pd.DataFrame, feature_cols, target_col, cfg) -> pd.DataFrame:
    wf = cfg["walk_forward"]
    dates = panel.index.get_level_values("date")
    udates = np.sort(dates.unique())
    preds = []
    for start in range(wf["min_train_days"], len(udates), wf["step_days"]):
        train_end = udates[start - wf["purge_days"]]
        test_dates = udates[start:start + wf["step_days"]]
        tr = dates < train_end
        te = dates.isin(test_dates)
        X_tr, y_tr = panel.loc[tr, feature_cols].values, panel.loc[tr, target_col].values
        alpha = _choose_alpha(X_tr, y_tr, dates[tr].values, cfg["ridge_alphas"])
        model = make_pipeline(StandardScaler(), Ridge(alpha=alpha)).fit(X_tr, y_tr)
        out = panel.loc[te, [target_col]].copy()
        out["pred"] = model.predict(panel.loc[te, feature_cols].values)
        out["reversal"] = -panel.loc[te, "res_5d"].values      # naive short-term reversal baseline
        preds.append(out)
        log.info("refit at %s alpha=%s n_train=%d", pd.Timestamp(udates[start]).date(), alpha, tr.sum())
    return pd.concat(preds)


def summarise(preds: pd.DataFrame, target_col: str) -> pd.DataFrame:
    rows = {}
    for sig in ("pred", "reversal"):
        daily_ic = preds.groupby(level="date").apply(lambda d: spearmanr(d[sig], d[target_col])[0])
        ls = preds.groupby(level="date").apply(
            lambda d: d.loc[d[sig] >= d[sig].quantile(0.9), target_col].mean()
            - d.loc[d[sig] <= d[sig].quantile(0.1), target_col].mean()
        )
        rows[sig] = {
            "mean_ic": daily_ic.mean(),
            "ic_ir": daily_ic.mean() / daily_ic.std(),
            "hit_rate": (np.sign(preds[sig]) == np.sign(preds[target_col])).mean(),
            "ls_sharpe": ls.mean() / ls.std() * np.sqrt(252 / 5),
        }
    return pd.DataFrame(rows).T
