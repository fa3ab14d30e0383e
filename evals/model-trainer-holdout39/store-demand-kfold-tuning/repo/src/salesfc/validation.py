import numpy as np
from sklearn.model_selection import KFold


def make_cv(cv_cfg: dict, seed: int) -> KFold:
    return KFold(n_splits=cv_cfg["n_splits"], shuffle=cv_cfg["shuffle"], random_state=seed)


def wape(y_true, y_pred) -> float:
    return float(np.abs(y_true - y_pred).sum() / max(np.abs(y_true).sum(), 1e-9))


def cv_score(model_factory, X, y, cv) -> float:
    scores = []
    for fit_idx, val_idx in cv.split(X):
        model = model_factory()
        model.fit(X.iloc[fit_idx], y.iloc[fit_idx])
        scores.append(wape(y.iloc[val_idx].to_numpy(), model.predict(X.iloc[val_idx])))
    return float(np.mean(scores))
