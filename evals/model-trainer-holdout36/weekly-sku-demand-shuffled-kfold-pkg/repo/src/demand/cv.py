import numpy as np
from sklearn.model_selection import KFold


def wape(y, p):
    return float(np.abs(y - p).sum() / np.abs(y).sum())


def rmse(y, p):
    return float(np.sqrt(np.mean((y - p) ** 2)))


def cross_validate(make_model, X, y, n_folds, seed, naive=None):
    folds = KFold(n_splits=n_folds, shuffle=True, random_state=seed)
    out = {"wape": [], "rmse": [], "naive_wape": []}
    for tr_idx, va_idx in folds.split(X):
        model = make_model()
        model.fit(X.iloc[tr_idx], y.iloc[tr_idx])
        pred = model.predict(X.iloc[va_idx])
        out["wape"].append(wape(y.iloc[va_idx].to_numpy(), pred))
        out["rmse"].append(rmse(y.iloc[va_idx].to_numpy(), pred))
        if naive is not None:
            out["naive_wape"].append(wape(y.iloc[va_idx].to_numpy(), naive.iloc[va_idx].to_numpy()))
    return {k: float(np.mean(v)) for k, v in out.items() if v}
