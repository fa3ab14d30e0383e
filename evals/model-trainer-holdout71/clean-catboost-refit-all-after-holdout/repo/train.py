"""Microfinance PAR30 model (CatBoost).

1. develop on train, early-stop on valid, pick the cut-off on valid
2. report on the test split
3. refit the production model on all labelled loans with the chosen tree count
"""
import json

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split


def cutoff_for_bad_rate(y, p, target_bad_rate):
    order = np.argsort(p)
    cum_bad = np.cumsum(y[order]) / np.arange(1, len(y) + 1)
    ok = np.where(cum_bad <= target_bad_rate)[0]
    return float(p[order][ok.max()]) if len(ok) else float(p.min())


def main():
    cfg = yaml.safe_load(open("train_config.yaml"))
    cat, num, seed = cfg["categorical"], cfg["numeric"], cfg["seed"]
    loans = pd.read_parquet(cfg["data"])
    loans[cat] = loans[cat].astype(str)
    X, y = loans[cat + num], loans[cfg["target"]].astype(int).to_numpy()

    X_tv, X_test, y_tv, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=seed)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_tv, y_tv, test_size=0.2, stratify=y_tv, random_state=seed)

    model = CatBoostClassifier(**cfg["catboost"], random_seed=seed, verbose=500)
    model.fit(Pool(X_train, y_train, cat_features=cat), eval_set=Pool(X_valid, y_valid, cat_features=cat),
              use_best_model=True)
    n_trees = model.get_best_iteration() + 1

    cutoff = cutoff_for_bad_rate(y_valid, model.predict_proba(X_valid)[:, 1], cfg["target_approved_bad_rate"])

    logit = LogisticRegression(max_iter=2000).fit(X_train[num].fillna(0), y_train)
    p_test = model.predict_proba(X_test)[:, 1]
    p_logit = logit.predict_proba(X_test[num].fillna(0))[:, 1]
    approved = p_test <= cutoff
    report = {
        "catboost": {"auc": roc_auc_score(y_test, p_test), "pr_auc": average_precision_score(y_test, p_test),
                     "brier": brier_score_loss(y_test, p_test)},
        "logit_numeric": {"auc": roc_auc_score(y_test, p_logit),
                          "pr_auc": average_precision_score(y_test, p_logit),
                          "brier": brier_score_loss(y_test, p_logit)},
        "cutoff_from_valid": cutoff,
        "test_approval_rate": float(approved.mean()),
        "test_bad_rate_approved": float(y_test[approved].mean()),
        "n_trees": n_trees,
    }
    print(json.dumps(report, indent=2))
    with open("reports/holdout_report.json", "w") as fh:
        json.dump(report, fh, indent=2)

    prod_params = {k: v for k, v in cfg["catboost"].items() if k not in ("od_type", "od_wait")}
    prod_params["iterations"] = n_trees
    production = CatBoostClassifier(**prod_params, random_seed=seed, verbose=0)
    production.fit(Pool(X, y, cat_features=cat))
    production.save_model("models/par30_catboost_prod.cbm")
    with open("models/par30_cutoff.json", "w") as fh:
        json.dump({"cutoff": cutoff, "n_trees": n_trees}, fh)


if __name__ == "__main__":
    main()
