"""Next-day failure risk for railway point machines (switch motors).

Daily aggregates of motor-current traces per point machine; label = a failure ticket is opened
for that machine on the following day. Strictly chronological evaluation:

    train      2019-01-01 .. 2022-06-30   (hyper-parameters via TimeSeriesSplit inside this window)
    validation 2022-07-01 .. 2022-12-31   (alarm threshold)
    test       2023-01-01 .. 2023-06-30   (scored once)
"""
import argparse
import json
import logging

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, recall_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("points")
SEED = 8
CUT_VAL, CUT_TEST, END = "2022-07-01", "2023-01-01", "2023-07-01"


def build_frame(path):
    d = pd.read_parquet(path).sort_values(["machine_id", "day"])
    g = d.groupby("machine_id")
    # label: failure ticket on the NEXT day for the same machine
    d["fails_next_day"] = g["failure_ticket"].shift(-1)
    for col in ["peak_current_a", "throw_time_s", "n_throws"]:
        d[f"{col}_z7"] = (d[col] - g[col].transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())) / (
            g[col].transform(lambda s: s.shift(1).rolling(7, min_periods=3).std()) + 1e-6)
        d[f"{col}_d1"] = g[col].diff()
    d["days_since_service"] = g["serviced"].transform(lambda s: s.cumsum()).pipe(
        lambda grp: d.groupby(["machine_id", grp]).cumcount())
    d["failures_last_30d"] = g["failure_ticket"].transform(lambda s: s.shift(1).rolling(30, min_periods=1).sum())
    d["frost"] = (d["tmin_c"] < 0).astype(int)
    return d.dropna(subset=["fails_next_day", "peak_current_a_z7"])


FEATS = [
    "peak_current_a", "throw_time_s", "n_throws", "peak_current_a_z7", "throw_time_s_z7", "n_throws_z7",
    "peak_current_a_d1", "throw_time_s_d1", "n_throws_d1", "days_since_service", "failures_last_30d",
    "frost", "tmin_c", "precip_mm", "machine_age_y",
]


def pick_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec * rec / np.maximum(prec + rec, 1e-9)
    return float(thr[np.argmax(f1[:-1])])


def summarize(y, p, thr):
    return {"pr_auc": average_precision_score(y, p), "roc_auc": roc_auc_score(y, p),
            "f1": f1_score(y, p >= thr), "recall": recall_score(y, p >= thr)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--daily", default="data/point_machines_daily.parquet")
    args = ap.parse_args()

    df = build_frame(args.daily)
    train = df[df["day"] < CUT_VAL].sort_values("day")
    valid = df[(df["day"] >= CUT_VAL) & (df["day"] < CUT_TEST)]
    test = df[(df["day"] >= CUT_TEST) & (df["day"] < END)]
    log.info("rows train/valid/test: %d/%d/%d, positive rate %.4f", len(train), len(valid), len(test),
             train["fails_next_day"].mean())

    folds = TimeSeriesSplit(n_splits=5, gap=7 * df["machine_id"].nunique())
    candidates = {
        "logreg": GridSearchCV(
            Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression(class_weight="balanced", max_iter=2000))]),
            {"clf__C": [0.01, 0.1, 1.0]}, cv=folds, scoring="average_precision"),
        "hgb": GridSearchCV(
            HistGradientBoostingClassifier(random_state=SEED, class_weight="balanced"),
            {"learning_rate": [0.03, 0.1], "max_leaf_nodes": [15, 31], "l2_regularization": [0.0, 1.0]},
            cv=folds, scoring="average_precision"),
    }
    X_tr, y_tr = train[FEATS], train["fails_next_day"].astype(int)
    X_va, y_va = valid[FEATS], valid["fails_next_day"].astype(int)
    X_te, y_te = test[FEATS], test["fails_next_day"].astype(int)

    val_ap = {}
    for name, search in candidates.items():
        search.fit(X_tr, y_tr)
        val_ap[name] = average_precision_score(y_va, search.predict_proba(X_va)[:, 1])
        log.info("%s best %s  val PR-AUC %.4f", name, search.best_params_, val_ap[name])
    best_name = max(val_ap, key=val_ap.get)
    model = candidates[best_name].best_estimator_
    thr = pick_threshold(y_va, model.predict_proba(X_va)[:, 1])

    # heuristic the maintenance team uses today: alarm if a failure happened in the last 30 days
    heuristic = (test["failures_last_30d"] > 0).astype(float).to_numpy()
    result = {
        "model": best_name,
        "threshold": thr,
        "test": summarize(y_te, model.predict_proba(X_te)[:, 1], thr),
        "heuristic_test": summarize(y_te, heuristic, 0.5),
    }
    log.info(json.dumps(result, indent=2))
    joblib.dump({"model": model, "threshold": thr, "features": FEATS}, "point_machine_risk.joblib")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
