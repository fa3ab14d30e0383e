"""Monthly churn model for the streaming subscription base.

Scores every active subscriber at month end; retention marketing targets the top decile.
"""
import json
import sys

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from panel_features import CAT_COLS, add_lag_features, feature_columns


def top_decile_lift(y_true, scores):
    order = np.argsort(-scores)
    k = max(1, len(scores) // 10)
    return y_true[order[:k]].mean() / y_true.mean()


def main(config_path="config.json"):
    cfg = json.load(open(config_path))
    panel = pd.read_parquet(cfg["panel_path"])
    panel["month"] = pd.to_datetime(panel["month"])
    panel = panel[(panel["month"] >= cfg["first_month"]) & (panel["month"] <= cfg["last_labelled_month"])]
    panel = add_lag_features(panel)

    features = feature_columns(panel)
    X = panel[features]
    y = panel[cfg["target"]].astype(int)
    print(f"{len(panel):,} subscriber-months, churn rate {y.mean():.3%}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_train, y_train, test_size=0.15, stratify=y_train, random_state=cfg["seed"]
    )

    params = dict(cfg["catboost"])
    patience = params.pop("early_stopping_rounds")
    model = CatBoostClassifier(**params, random_seed=cfg["seed"], verbose=250)
    model.fit(
        Pool(X_fit, y_fit, cat_features=CAT_COLS),
        eval_set=Pool(X_val, y_val, cat_features=CAT_COLS),
        early_stopping_rounds=patience,
    )

    prior = DummyClassifier(strategy="prior").fit(X_fit, y_fit)
    p = model.predict_proba(Pool(X_test, cat_features=CAT_COLS))[:, 1]
    p_prior = prior.predict_proba(X_test)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(y_test, p),
        "pr_auc": average_precision_score(y_test, p),
        "log_loss": log_loss(y_test, p),
        "log_loss_prior": log_loss(y_test, p_prior),
        "top_decile_lift": top_decile_lift(y_test.to_numpy(), p),
    }
    print(json.dumps(metrics, indent=2))
    model.save_model(cfg["model_path"])


if __name__ == "__main__":
    main(*sys.argv[1:])
