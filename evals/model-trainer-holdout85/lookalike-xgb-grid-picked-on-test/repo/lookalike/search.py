import itertools

import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score


def expand_grid(grid):
    keys = sorted(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        yield dict(zip(keys, values))


def fit_and_score(params, X_fit, y_fit, X_score, y_score, seed):
    model = xgb.XGBClassifier(tree_method="hist", eval_metric="aucpr", random_state=seed, **params)
    model.fit(X_fit, y_fit)
    proba = model.predict_proba(X_score)[:, 1]
    return model, {
        "auc": roc_auc_score(y_score, proba),
        "ap": average_precision_score(y_score, proba),
    }
