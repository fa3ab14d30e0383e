import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold


def metrics(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def nested_grouped_cv(estimator, grid, X, y, groups, seed, outer_k=5, inner_k=4):
    """Outer StratifiedGroupKFold for assessment, inner one (on the outer-train part only) for tuning.

    Every recording of a subject sits in exactly one outer test fold, so no speaker is seen in
    both the fitted model and the recordings it is scored on.
    """
    outer = StratifiedGroupKFold(n_splits=outer_k, shuffle=True, random_state=seed)
    oof = np.full(len(y), np.nan)
    chosen = []
    for k, (tr, te) in enumerate(outer.split(X, y, groups)):
        inner = StratifiedGroupKFold(n_splits=inner_k, shuffle=True, random_state=seed + k)
        if grid:
            search = GridSearchCV(clone(estimator), grid, scoring="roc_auc", cv=inner, n_jobs=-1)
            search.fit(X.iloc[tr], y[tr], groups=groups[tr])
            model, params = search.best_estimator_, search.best_params_
        else:
            model, params = clone(estimator).fit(X.iloc[tr], y[tr]), {}
        oof[te] = model.predict_proba(X.iloc[te])[:, 1]
        chosen.append(params)
    return oof, chosen


def subject_level(y, p, groups):
    df = pd.DataFrame({"y": y, "p": p, "g": groups}).groupby("g").agg(y=("y", "max"), p=("p", "mean"))
    return metrics(df.y.values, df.p.values)
