"""Tune on the training split, then evaluate once on the untouched test split.

    python run_experiment.py --conf conf/experiment.yaml
"""
import argparse
import json
import logging
from pathlib import Path

import joblib
import lightgbm as lgb
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from escape.data import load, split
from escape.tune import tune

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("escape")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conf", default="conf/experiment.yaml")
    conf = yaml.safe_load(open(ap.parse_args().conf))
    seed = conf["split"]["seed"]

    bookings = load(conf["data"]["bookings"])
    X_train, X_test, y_train, y_test = split(bookings, conf["data"]["target"], conf["split"]["test_size"], seed)

    params, cv_score = tune(X_train, y_train, conf["tuning"]["n_trials"], conf["tuning"]["cv_folds"],
                            conf["tuning"]["metric"], seed)
    log.info("best CV %s = %.4f with %s", conf["tuning"]["metric"], cv_score, params)

    model = lgb.LGBMClassifier(**params).fit(X_train, y_train)
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(
        X_train[["room_difficulty", "room_success_rate_published", "team_size"]], y_train)

    p_model = model.predict_proba(X_test)[:, 1]
    p_base = baseline.predict_proba(X_test[["room_difficulty", "room_success_rate_published", "team_size"]])[:, 1]
    report = {
        name: {"roc_auc": roc_auc_score(y_test, p), "log_loss": log_loss(y_test, p), "brier": brier_score_loss(y_test, p)}
        for name, p in [("lgbm_tuned", p_model), ("room_logreg_baseline", p_base)]
    }
    report["cv_" + conf["tuning"]["metric"]] = cv_score
    log.info(json.dumps(report, indent=2))

    Path(conf["output"]["model"]).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, conf["output"]["model"])
    Path(conf["output"]["report"]).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
