"""Escalator failure-in-7-days model (CatBoost), chronological train / validation / test."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score

from features import SIGNALS, add_target, failure_history, signal_features

SEED = 12
HORIZON = 7
VAL_START, TEST_START = pd.Timestamp("2023-04-01"), pd.Timestamp("2023-10-01")


def f1_opt_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    return thr[np.nanargmax(2 * prec[:-1] * rec[:-1] / (prec[:-1] + rec[:-1]))]


def main(path="data/escalator_daily.parquet"):
    df = pd.read_parquet(path)
    df = add_target(signal_features(failure_history(df)), HORIZON)
    label = f"fail_next_{HORIZON}d"
    features = [c for c in df.columns if c not in ("date", "failure", label, *SIGNALS)]
    cat_cols = ["asset_id", "site", "model_family"]

    gap = pd.Timedelta(days=HORIZON)
    train = df[df["date"] < VAL_START - gap]
    val = df[(df["date"] >= VAL_START) & (df["date"] < TEST_START - gap)]
    test = df[df["date"] >= TEST_START]

    model = CatBoostClassifier(
        iterations=3000, learning_rate=0.03, depth=6, eval_metric="PRAUC",
        auto_class_weights="SqrtBalanced", has_time=True, random_seed=SEED,
        early_stopping_rounds=200, verbose=250,
    )
    model.fit(train[features], train[label], cat_features=cat_cols, eval_set=(val[features], val[label]))
    thr = f1_opt_threshold(val[label], model.predict_proba(val[features])[:, 1])

    heuristic_val = val["fails_prev_30d"] + val["brake_time_ms_ratio"]
    heuristic_thr = f1_opt_threshold(val[label], heuristic_val)

    p_test = model.predict_proba(test[features])[:, 1]
    h_test = test["fails_prev_30d"] + test["brake_time_ms_ratio"]
    for name, score, t in [("heuristic", h_test, heuristic_thr), ("catboost", p_test, thr)]:
        print(f"{name:10s} ROC-AUC={roc_auc_score(test[label], score):.3f} "
              f"PR-AUC={average_precision_score(test[label], score):.3f} "
              f"F1@val-thr={f1_score(test[label], score >= t):.3f}")
    model.save_model("models/escalator_fail7d.cbm")


if __name__ == "__main__":
    main()
