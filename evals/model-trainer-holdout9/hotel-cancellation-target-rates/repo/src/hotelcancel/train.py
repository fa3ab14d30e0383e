import argparse
import logging
import random

import joblib
import numpy as np
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

from hotelcancel.features import add_features, load_bookings, split_by_arrival
from hotelcancel.tracking import start_run

log = logging.getLogger("hotelcancel.train")


def build_model(cfg):
    cat, num = cfg["features"]["categorical"], cfg["features"]["numeric"]
    pre = ColumnTransformer([
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), cat),
        ("num", "passthrough", num),
    ])
    clf = HistGradientBoostingClassifier(
        categorical_features=list(range(len(cat))),
        random_state=cfg["seed"],
        **cfg["model"],
    )
    return Pipeline([("pre", pre), ("clf", clf)])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="artifacts/model.joblib")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    cfg = yaml.safe_load(open(args.config))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    run = start_run(cfg, "hgb-target-rates")

    bookings = add_features(load_bookings(cfg["data"]["bookings_csv"]))
    train, valid, test = split_by_arrival(bookings, cfg["data"]["valid_start"], cfg["data"]["test_start"])
    cols = cfg["features"]["categorical"] + cfg["features"]["numeric"]

    baseline = DummyClassifier(strategy="prior").fit(train[cols], train["is_canceled"])
    model = build_model(cfg).fit(train[cols], train["is_canceled"])

    # pick the operating threshold on the validation months
    p_valid = model.predict_proba(valid[cols])[:, 1]
    prec, rec, thr = precision_recall_curve(valid["is_canceled"], p_valid)
    f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f1s)])

    p_test = model.predict_proba(test[cols])[:, 1]
    metrics = {
        "test_roc_auc": roc_auc_score(test["is_canceled"], p_test),
        "test_pr_auc": average_precision_score(test["is_canceled"], p_test),
        "test_f1": f1_score(test["is_canceled"], p_test >= threshold),
        "baseline_pr_auc": average_precision_score(test["is_canceled"],
                                                   baseline.predict_proba(test[cols])[:, 1]),
        "threshold": threshold,
    }
    log.info("metrics: %s", metrics)
    run.log(metrics)
    joblib.dump({"model": model, "threshold": threshold}, args.out)
    run.finish()


if __name__ == "__main__":
    main()
