"""Grid-search the phishing classifier on the training split, pick the threshold on validation,
report the test split once.

    python train.py --config configs/phish.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split

from phishguard.features import CATEGORICAL, NUMERIC, featurize
from phishguard.pipeline import PARAM_GRID, build_pipeline

COLS = NUMERIC + CATEGORICAL


def threshold_for_precision(y, p, min_precision: float) -> float:
    precision, recall, thresholds = precision_recall_curve(y, p)
    ok = np.where(precision[:-1] >= min_precision)[0]
    if len(ok):
        return float(thresholds[ok[0]])
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    return float(thresholds[np.argmax(f1[:-1])])


def evaluate(y, p, threshold) -> dict:
    pred = p >= threshold
    return {"ap": average_precision_score(y, p), "auroc": roc_auc_score(y, p),
            "precision": precision_score(y, pred, zero_division=0), "recall": recall_score(y, pred),
            "f1": f1_score(y, pred)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/phish.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    seed = cfg["seed"]

    urls = pd.read_csv(cfg["data_path"]).drop_duplicates(subset="url")
    urls = featurize(urls)
    y = urls["is_phish"].to_numpy()

    dev, test = train_test_split(urls, test_size=0.2, stratify=y, random_state=seed)
    train, valid = train_test_split(dev, test_size=0.2, stratify=dev["is_phish"], random_state=seed)

    search = GridSearchCV(
        build_pipeline(seed), PARAM_GRID, scoring="average_precision",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=seed), n_jobs=-1,
    )
    search.fit(train[COLS], train["is_phish"])
    model = search.best_estimator_

    p_valid = model.predict_proba(valid[COLS])[:, 1]
    threshold = threshold_for_precision(valid["is_phish"], p_valid, cfg["min_precision"])

    prior = DummyClassifier(strategy="prior").fit(train[COLS], train["is_phish"])
    ip_rule = test["has_ip_host"].to_numpy()
    p_test = model.predict_proba(test[COLS])[:, 1]
    report = {
        "cv_ap": search.best_score_,
        "best_params": search.best_params_,
        "threshold": threshold,
        "test": evaluate(test["is_phish"], p_test, threshold),
        "prior_test_ap": average_precision_score(test["is_phish"], prior.predict_proba(test[COLS])[:, 1]),
        "ip_host_rule_test": {"precision": precision_score(test["is_phish"], ip_rule, zero_division=0),
                              "recall": recall_score(test["is_phish"], ip_rule)},
    }
    with mlflow.start_run(run_name="logreg-smote"):
        mlflow.log_params(search.best_params_)
        mlflow.log_dict(report, "report.json")
    joblib.dump({"model": model, "threshold": threshold}, cfg["model_path"])
    print(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
