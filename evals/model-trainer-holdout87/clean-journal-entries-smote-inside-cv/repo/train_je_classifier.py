"""Flag anomalous ERP journal entries (audit-confirmed misstatements) with CatBoost.

SMOTE lives inside an imblearn pipeline, so it only ever resamples the training folds.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, cross_validate, train_test_split

SEED = 404
NUMERIC = [
    "log_amount", "n_lines", "posted_hour", "posted_on_weekend", "days_after_period_close",
    "is_manual", "is_reversal", "round_amount_flag", "user_entries_30d_log",
    "account_pair_rarity", "benford_first_digit_dev", "approver_is_poster",
]


def smote_model():
    return Pipeline([
        ("smote", SMOTE(sampling_strategy=0.1, k_neighbors=5, random_state=SEED)),
        ("clf", CatBoostClassifier(iterations=600, depth=5, learning_rate=0.05, random_seed=SEED, verbose=0)),
    ])


def weighted_model():
    return CatBoostClassifier(iterations=600, depth=5, learning_rate=0.05, auto_class_weights="Balanced",
                              random_seed=SEED, verbose=0)


def best_f1_threshold(y, p):
    grid = np.unique(np.quantile(p, np.linspace(0.5, 0.999, 300)))
    return float(grid[int(np.argmax([f1_score(y, p >= t, zero_division=0) for t in grid]))])


def main():
    je = pd.read_parquet("data/journal_entries_fy23.parquet")
    X, y = je[NUMERIC].to_numpy(float), je["misstatement"].to_numpy(int)
    print(f"{len(y)} entries, {y.sum()} misstatements ({y.mean():.3%})")

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

    summary = {}
    for name, factory in [("smote_catboost", smote_model), ("weighted_catboost", weighted_model)]:
        cv_res = cross_validate(factory(), X_tr, y_tr, cv=cv,
                                scoring=["average_precision", "roc_auc", "recall"], n_jobs=1)
        oof = cross_val_predict(factory(), X_tr, y_tr, cv=cv, method="predict_proba")[:, 1]
        thr = best_f1_threshold(y_tr, oof)

        model = factory().fit(X_tr, y_tr)
        p_te = model.predict_proba(X_te)[:, 1]
        pred = p_te >= thr
        summary[name] = {
            "cv_ap": float(cv_res["test_average_precision"].mean()),
            "cv_roc_auc": float(cv_res["test_roc_auc"].mean()),
            "threshold_from_oof": thr,
            "test_ap": average_precision_score(y_te, p_te),
            "test_roc_auc": roc_auc_score(y_te, p_te),
            "test_precision": precision_score(y_te, pred, zero_division=0),
            "test_recall": recall_score(y_te, pred, zero_division=0),
        }

    print(json.dumps(summary, indent=2))
    Path("reports").mkdir(exist_ok=True)
    Path("reports/je_model_comparison.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
