"""Repeat-borrower PD model. Customers hold several loans, so all splits are grouped by customer."""
import json

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

from credit.evaluation import score_report
from credit.splits import cv_folds, holdout_by_customer


def main():
    cfg = json.load(open("params.json"))
    features = list(cfg["features"])
    constraints = tuple(cfg["features"][f] for f in features)

    loans = pd.read_parquet(cfg["data_path"])
    X = loans[features].reset_index(drop=True)
    y = loans[cfg["target"]].astype(int).to_numpy()
    groups = loans[cfg["group_col"]].to_numpy()
    print(f"{len(loans):,} loans / {len(np.unique(groups)):,} customers, default rate {y.mean():.2%}")

    tr_idx, te_idx = holdout_by_customer(y, groups, cfg["n_folds"], cfg["seed"])
    X_tr, y_tr, g_tr = X.iloc[tr_idx], y[tr_idx], groups[tr_idx]
    X_te, y_te = X.iloc[te_idx], y[te_idx]
    assert not set(g_tr) & set(groups[te_idx])

    best_iters, fold_auc = [], []
    for k, (fit_i, val_i) in enumerate(cv_folds(y_tr, g_tr, cfg["n_folds"], cfg["seed"])):
        m = XGBClassifier(**cfg["xgb"], monotone_constraints=constraints,
                          early_stopping_rounds=100, random_state=cfg["seed"])
        m.fit(X_tr.iloc[fit_i], y_tr[fit_i], eval_set=[(X_tr.iloc[val_i], y_tr[val_i])], verbose=False)
        best_iters.append(m.best_iteration)
        fold_auc.append(m.best_score)
        print(f"fold {k}: best_iter={m.best_iteration} val_auc={m.best_score:.4f}")
    n_trees = int(np.median(best_iters)) + 1
    print(f"grouped CV auc {np.mean(fold_auc):.4f} +/- {np.std(fold_auc):.4f}; final trees={n_trees}")

    final = XGBClassifier(**{**cfg["xgb"], "n_estimators": n_trees},
                          monotone_constraints=constraints, random_state=cfg["seed"])
    final.fit(X_tr, y_tr)

    baseline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(),
                             LogisticRegression(max_iter=2000)).fit(X_tr, y_tr)

    report = {
        "xgb_monotone": score_report(y_te, final.predict_proba(X_te)[:, 1]),
        "logistic_baseline": score_report(y_te, baseline.predict_proba(X_te)[:, 1]),
        "n_test_customers": int(len(np.unique(groups[te_idx]))),
    }
    print(json.dumps(report, indent=2))
    final.save_model("models/repeat_borrower_pd.json")


if __name__ == "__main__":
    main()
