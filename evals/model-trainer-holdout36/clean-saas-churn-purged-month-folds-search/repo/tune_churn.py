"""B2B SaaS churn: tune on monthly account snapshots, test on a later snapshot.

Each row is (account, snapshot month) with usage aggregates from the 90 days
before the snapshot; `churned` means the subscription ended within the next
two months. Because labels look two months ahead, a validation month v may only
be trained on snapshots <= v - 2 months (otherwise training labels overlap the
validation period).
"""
import argparse
import json
import logging

import joblib
import numpy as np
import pandas as pd
from scipy.stats import loguniform, randint, uniform
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 4242
LABEL_MONTHS = 2
log = logging.getLogger("saas-churn")


def purged_month_folds(snapshots: pd.Series, val_months):
    snap = snapshots.to_numpy()
    for v in pd.to_datetime(val_months):
        last_train = v - pd.DateOffset(months=LABEL_MONTHS)
        tr = np.flatnonzero(snap <= np.datetime64(last_train))
        va = np.flatnonzero(snap == np.datetime64(v))
        yield tr, va


def top_decile_lift(y, score):
    k = max(1, int(0.1 * len(y)))
    top = np.argsort(-score)[:k]
    return float(np.asarray(y)[top].mean() / np.mean(y))


def main(path, out):
    df = pd.read_parquet(path)
    df["snapshot"] = pd.to_datetime(df["snapshot"])
    dev = df[df["snapshot"] <= "2023-10-01"].reset_index(drop=True)
    test = df[df["snapshot"] == "2024-01-01"]
    log.info("dev snapshots %s..%s, test snapshot 2024-01", dev["snapshot"].min().date(), dev["snapshot"].max().date())

    cats = ["plan", "region", "industry"]
    nums = [c for c in df.columns if c not in cats + ["account_id", "snapshot", "churned"]]
    X_dev, y_dev = dev[cats + nums], dev["churned"]
    X_test, y_test = test[cats + nums], test["churned"]

    prep = ColumnTransformer([
        ("num", SimpleImputer(strategy="median"), nums),
        ("cat", Pipeline([("imp", SimpleImputer(strategy="most_frequent")),
                          ("ohe", OneHotEncoder(handle_unknown="ignore", sparse_output=False))]), cats),
    ])
    pipe = Pipeline([("prep", prep), ("gbm", HistGradientBoostingClassifier(early_stopping=False, random_state=SEED))])
    space = {
        "gbm__learning_rate": loguniform(0.01, 0.2),
        "gbm__max_leaf_nodes": randint(8, 64),
        "gbm__min_samples_leaf": randint(20, 300),
        "gbm__l2_regularization": uniform(0.0, 5.0),
        "gbm__max_iter": randint(150, 700),
    }
    folds = list(purged_month_folds(dev["snapshot"], ["2023-05-01", "2023-06-01", "2023-07-01",
                                                     "2023-08-01", "2023-09-01", "2023-10-01"]))
    search = RandomizedSearchCV(pipe, space, n_iter=40, scoring="average_precision", cv=folds,
                                random_state=SEED, n_jobs=-1, refit=True)
    search.fit(X_dev, y_dev)
    log.info("best CV PR-AUC %.4f with %s", search.best_score_, search.best_params_)

    logit = Pipeline([
        ("prep", ColumnTransformer([
            ("num", Pipeline([("imp", SimpleImputer(strategy="median")), ("sc", StandardScaler())]), nums),
            ("cat", OneHotEncoder(handle_unknown="ignore"), cats),
        ])),
        ("lr", LogisticRegression(C=0.3, max_iter=3000)),
    ]).fit(X_dev, y_dev)
    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)

    report = {}
    for name, model in (("hgb_tuned", search.best_estimator_), ("logistic", logit), ("prior", prior)):
        p = model.predict_proba(X_test)[:, 1]
        report[name] = {
            "pr_auc": average_precision_score(y_test, p),
            "roc_auc": roc_auc_score(y_test, p),
            "brier": brier_score_loss(y_test, p),
            "top_decile_lift": top_decile_lift(y_test, p),
        }
    print(json.dumps(report, indent=2))
    joblib.dump(search.best_estimator_, out)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/account_snapshots.parquet")
    ap.add_argument("--out", default="churn_hgb.joblib")
    a = ap.parse_args()
    main(a.data, a.out)
