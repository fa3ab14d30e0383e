import time

import pandas as pd
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score


def score_probs(y_true, proba, prefix):
    return {
        f"{prefix}_roc_auc": roc_auc_score(y_true, proba),
        f"{prefix}_average_precision": average_precision_score(y_true, proba),
        f"{prefix}_brier": brier_score_loss(y_true, proba),
    }


def fit_leaderboard(zoo, X_train, y_train, X_valid, y_valid):
    rows, fitted = [], {}
    for name, model in zoo.items():
        t0 = time.perf_counter()
        model.fit(X_train, y_train)
        row = {"model": name, "fit_s": round(time.perf_counter() - t0, 2)}
        row.update(score_probs(y_valid, model.predict_proba(X_valid)[:, 1], "valid"))
        rows.append(row)
        fitted[name] = model
    return pd.DataFrame(rows).set_index("model"), fitted
