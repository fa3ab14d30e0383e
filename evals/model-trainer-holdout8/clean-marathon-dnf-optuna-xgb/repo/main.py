"""DNF (did-not-finish) risk for the 2023 edition, used by the medical team to plan aid stations."""
import argparse
import json
import logging

import joblib
import pandas as pd
import yaml
from sklearn.calibration import CalibratedClassifierCV
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from dnf.features import make_features
from dnf.report import f1_threshold, metrics
from dnf.tuning import tune, xgb_from

log = logging.getLogger("dnf")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--params", default="params.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().params))
    seed = cfg["seed"]

    entries = pd.read_csv(cfg["entries_csv"])
    X, y = make_features(entries), entries[cfg["target"]].astype(int)
    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)

    study, pos_weight = tune(X_dev, y_dev, cfg)
    log.info("best CV PR-AUC %.4f with %s", study.best_value, study.best_params)

    calibrated = CalibratedClassifierCV(xgb_from(study.best_params, seed, pos_weight),
                                        method=cfg["calibration"], cv=5)
    folds = StratifiedKFold(n_splits=cfg["cv_folds"], shuffle=True, random_state=seed)
    oof = cross_val_predict(calibrated, X_dev, y_dev, cv=folds, method="predict_proba")[:, 1]
    thr = f1_threshold(y_dev, oof)
    calibrated.fit(X_dev, y_dev)

    logit = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced")).fit(X_dev, y_dev)
    logit_thr = f1_threshold(y_dev, cross_val_predict(logit, X_dev, y_dev, cv=folds, method="predict_proba")[:, 1])
    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)

    report = {
        "threshold_oof": thr,
        "xgb_calibrated": metrics(y_test, calibrated.predict_proba(X_test)[:, 1], thr),
        "logreg": metrics(y_test, logit.predict_proba(X_test)[:, 1], logit_thr),
        "prior": {"pr_auc": float(y_test.mean()),
                  "brier": float(((prior.predict_proba(X_test)[:, 1] - y_test) ** 2).mean())},
    }
    print(json.dumps(report, indent=2))
    joblib.dump({"model": calibrated, "threshold": thr}, "dnf_model.joblib")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
