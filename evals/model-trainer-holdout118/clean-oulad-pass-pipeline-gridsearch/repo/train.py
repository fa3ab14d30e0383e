import argparse
import json

import joblib
import pandas as pd
import yaml
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import GridSearchCV, GroupShuffleSplit, StratifiedGroupKFold

from pipeline import make_pipeline


def main(cfg):
    df = pd.read_parquet(cfg["features_path"])
    print(df[cfg["target_col"]].value_counts(normalize=True).round(3))

    X = df[cfg["numeric"] + cfg["categorical"]]
    y = df[cfg["target_col"]].astype(int)
    groups = df[cfg["group_col"]]

    # repeat registrations of the same student stay on one side
    outer = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"], random_state=cfg["seed"])
    tr, te = next(outer.split(X, y, groups))
    X_train, X_test, y_train, y_test = X.iloc[tr], X.iloc[te], y.iloc[tr], y.iloc[te]

    search = GridSearchCV(
        make_pipeline(cfg["numeric"], cfg["categorical"], cfg["seed"]),
        param_grid=cfg["grid"],
        scoring="roc_auc",
        cv=StratifiedGroupKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=cfg["seed"]),
        n_jobs=-1,
        refit=True,
    )
    search.fit(X_train, y_train, groups=groups.iloc[tr])
    print("best params:", search.best_params_)
    print(f"CV AUC: {search.best_score_:.4f}")

    proba = search.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    results = {
        "cv_auc": search.best_score_,
        "test_auc": roc_auc_score(y_test, proba),
        "test_balanced_acc": balanced_accuracy_score(y_test, pred),
        "best_params": search.best_params_,
    }
    print(classification_report(y_test, pred, target_names=["not passed", "passed"]))
    print(json.dumps(results, indent=2, default=str))
    joblib.dump(search.best_estimator_, "artifacts/oulad_pass_hgb.joblib")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as f:
        main(yaml.safe_load(f))
