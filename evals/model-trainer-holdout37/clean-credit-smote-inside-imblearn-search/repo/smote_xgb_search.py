"""Credit-card default: SMOTE + XGBoost tuned inside an imbalanced-learn pipeline.

Everything that learns from data (scaler, SMOTE, model) lives inside the pipeline, so it is re-fitted on
each CV training fold only. The held-out test split is touched once, at the very end.
"""
import argparse
import json
import logging

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline as ImbPipeline
from scipy.stats import loguniform, randint, uniform
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

LOG = logging.getLogger("smote_xgb")


def load(path):
    df = pd.read_csv(path).rename(columns={"default.payment.next.month": "target"})
    bills = [f"BILL_AMT{i}" for i in range(1, 7)]
    pays = [f"PAY_AMT{i}" for i in range(1, 7)]
    df["avg_util"] = df[bills].mean(axis=1) / df["LIMIT_BAL"].clip(lower=1)
    df["pay_to_bill"] = df[pays].sum(axis=1) / df[bills].sum(axis=1).abs().clip(lower=1)
    y = df.pop("target").to_numpy()
    return df.drop(columns=["ID"]), y


def best_f1_threshold(y, p):
    grid = np.linspace(0.05, 0.95, 91)
    return float(grid[np.argmax([f1_score(y, p >= t) for t in grid])])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/UCI_Credit_Card.csv")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--n-iter", type=int, default=40)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    X, y = load(args.data)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=args.seed)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=args.seed)

    pipe = ImbPipeline([
        ("smote", SMOTE(random_state=args.seed)),
        ("xgb", XGBClassifier(eval_metric="logloss", tree_method="hist", random_state=args.seed, n_jobs=4)),
    ])
    space = {
        "smote__sampling_strategy": uniform(0.4, 0.6),
        "smote__k_neighbors": randint(3, 15),
        "xgb__n_estimators": randint(200, 900),
        "xgb__max_depth": randint(3, 8),
        "xgb__learning_rate": loguniform(0.01, 0.2),
        "xgb__subsample": uniform(0.6, 0.4),
        "xgb__colsample_bytree": uniform(0.5, 0.5),
    }
    search = RandomizedSearchCV(pipe, space, n_iter=args.n_iter, scoring="average_precision", cv=cv,
                                random_state=args.seed, n_jobs=-1, refit=True)
    search.fit(X_train, y_train)
    LOG.info("best CV AP %.4f with %s", search.best_score_, search.best_params_)

    # operating threshold from out-of-fold predictions of the tuned pipeline on the training part
    oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
    thr = best_f1_threshold(y_train, oof)

    baseline = ImbPipeline([("scale", StandardScaler()), ("smote", SMOTE(random_state=args.seed)),
                            ("lr", LogisticRegression(max_iter=3000))]).fit(X_train, y_train)

    p_xgb = search.predict_proba(X_test)[:, 1]
    p_lr = baseline.predict_proba(X_test)[:, 1]
    report = {
        "threshold_from_oof": thr,
        "xgb": {"roc_auc": roc_auc_score(y_test, p_xgb), "pr_auc": average_precision_score(y_test, p_xgb),
                "precision": precision_score(y_test, p_xgb >= thr), "recall": recall_score(y_test, p_xgb >= thr),
                "f1": f1_score(y_test, p_xgb >= thr)},
        "logreg_smote": {"roc_auc": roc_auc_score(y_test, p_lr), "pr_auc": average_precision_score(y_test, p_lr)},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
