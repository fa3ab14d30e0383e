import numpy as np
from sklearn.base import clone
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupShuffleSplit, StratifiedGroupKFold


def family_holdout(df, test_size: float, seed: int):
    """Hold out whole patent families so US/EP/WO equivalents never straddle train and test."""
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    tr_idx, te_idx = next(gss.split(df, groups=df["family_id"]))
    return df.iloc[tr_idx].reset_index(drop=True), df.iloc[te_idx].reset_index(drop=True)


def grouped_cv_ap(estimator, X, y, groups, n_splits: int, seed: int) -> tuple[float, float]:
    cv = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    scores = []
    for tr, va in cv.split(X, y, groups):
        est = clone(estimator).fit(X.iloc[tr], y[tr])
        scores.append(average_precision_score(y[va], est.predict_proba(X.iloc[va])[:, 1]))
    return float(np.mean(scores)), float(np.std(scores))
