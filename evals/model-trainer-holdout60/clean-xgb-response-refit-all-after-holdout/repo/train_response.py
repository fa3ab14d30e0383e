"""Outbound-call response model for the credit card upsell campaign.

1. model comparison with stratified CV on the development split
2. one evaluation on the holdout split (report for the campaign review)
3. refit of the chosen configuration on all labelled customers for scoring
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

NUM = ["age", "income_k", "card_limit", "utilisation", "n_products", "months_on_book",
       "txn_count_3m", "txn_amount_3m", "calls_answered_12m", "prev_campaign_responses"]
CAT = ["education", "marital_status", "card_tier", "branch_region"]


def build(kind, cfg):
    if kind == "logreg":
        pre = ColumnTransformer([("num", StandardScaler(), NUM), ("cat", OneHotEncoder(handle_unknown="ignore"), CAT)])
        clf = LogisticRegression(max_iter=3000, C=0.3)
    else:
        pre = ColumnTransformer([("num", "passthrough", NUM),
                                 ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=25), CAT)])
        clf = XGBClassifier(**cfg["xgb"], eval_metric="logloss", random_state=cfg["seed"])
    return Pipeline([("pre", pre), ("clf", clf)])


def best_threshold(y, p, cfg):
    grid = np.linspace(0.01, 0.6, 60)
    profit = [((p >= t) * (y * cfg["margin_per_response"] - cfg["contact_cost"])).sum() for t in grid]
    return float(grid[int(np.argmax(profit))])


def main(args):
    cfg = json.loads(Path(args.params).read_text())
    df = pd.read_csv(args.data)
    X, y = df[NUM + CAT], df["responded"].astype(int).to_numpy()

    X_dev, X_hold, y_dev, y_hold = train_test_split(
        X, y, test_size=cfg["holdout_size"], stratify=y, random_state=cfg["seed"])
    cv = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"])

    oof, cv_report = {}, {}
    for kind in ("logreg", "xgb"):
        oof[kind] = cross_val_predict(build(kind, cfg), X_dev, y_dev, cv=cv, method="predict_proba")[:, 1]
        cv_report[kind] = {"roc_auc": roc_auc_score(y_dev, oof[kind]),
                           "pr_auc": average_precision_score(y_dev, oof[kind])}
    chosen = max(cv_report, key=lambda k: cv_report[k]["pr_auc"])
    threshold = best_threshold(y_dev, oof[chosen], cfg)

    holdout_report = {}
    for kind in ("logreg", "xgb"):
        p = build(kind, cfg).fit(X_dev, y_dev).predict_proba(X_hold)[:, 1]
        holdout_report[kind] = {"roc_auc": roc_auc_score(y_hold, p),
                                "pr_auc": average_precision_score(y_hold, p)}
        if kind == chosen:
            holdout_report[kind]["contact_rate"] = float((p >= threshold).mean())
            holdout_report[kind]["response_rate_contacted"] = float(y_hold[p >= threshold].mean())
    print(json.dumps({"chosen": chosen, "threshold": threshold, "cv": cv_report, "holdout": holdout_report}, indent=2))

    production = build(chosen, cfg).fit(X, y)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"pipeline": production, "threshold": threshold}, out / "response_model.joblib")
    (out / "evaluation.json").write_text(json.dumps({"cv": cv_report, "holdout": holdout_report}, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/upsell_campaign_2024.csv")
    ap.add_argument("--params", default="params.json")
    ap.add_argument("--out-dir", default="artifacts/upsell")
    main(ap.parse_args())
