"""Tune and train the churn classifier (XGBoost + grid search)."""
import argparse
import tomllib

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder
from xgboost import XGBClassifier

from churn_model.features import add_target_encoding, add_tenure_features, feature_columns
from churn_model.io import load_snapshot, save_artifacts


def build_pipeline(cfg):
    one_hot = cfg["features"]["one_hot"]
    pre = ColumnTransformer(
        [("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), one_hot)],
        remainder="passthrough",
    )
    model = XGBClassifier(
        n_estimators=cfg["model"]["n_estimators"],
        tree_method="hist",
        eval_metric="logloss",
        random_state=cfg["seed"],
        n_jobs=-1,
    )
    return Pipeline([("pre", pre), ("clf", model)])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.toml")
    args = parser.parse_args()
    with open(args.config, "rb") as fh:
        cfg = tomllib.load(fh)

    df = load_snapshot(cfg["data"]["path"])
    df = add_tenure_features(df)
    df = add_target_encoding(df, cfg["features"]["target_encode"], cfg["data"]["target"])

    cols = feature_columns(cfg)
    X, y = df[cols], df[cfg["data"]["target"]].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=cfg["seed"]
    )

    grid = {
        "clf__max_depth": cfg["search"]["max_depth"],
        "clf__learning_rate": cfg["search"]["learning_rate"],
        "clf__min_child_weight": cfg["search"]["min_child_weight"],
        "clf__subsample": [0.8, 1.0],
    }
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    search = GridSearchCV(build_pipeline(cfg), grid, scoring="average_precision", cv=cv, n_jobs=-1)
    search.fit(X_train, y_train)

    baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
    proba = search.best_estimator_.predict_proba(X_test)[:, 1]
    base_proba = baseline.predict_proba(X_test)[:, 1]
    threshold = cfg["model"]["decision_threshold"]

    metrics = {
        "cv_average_precision": float(search.best_score_),
        "test_roc_auc": roc_auc_score(y_test, proba),
        "test_average_precision": average_precision_score(y_test, proba),
        "test_f1_at_threshold": f1_score(y_test, (proba >= threshold).astype(int)),
        "baseline_average_precision": average_precision_score(y_test, base_proba),
        "churn_rate_test": float(np.mean(y_test)),
    }
    print(metrics)
    save_artifacts(cfg["output_dir"], search.best_estimator_, metrics, search.best_params_)


if __name__ == "__main__":
    main()
