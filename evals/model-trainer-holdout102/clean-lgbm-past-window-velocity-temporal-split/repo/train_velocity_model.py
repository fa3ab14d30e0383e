"""Train the LightGBM card-not-present fraud model on velocity features.

The model is refreshed monthly and scores the next month of CNP authorisations, so the evaluation
mirrors that: fit on the months up to `train_end`, early-stop and pick the alert threshold on the
following month, report on the month after that.

Usage:
    python train_velocity_model.py config.json
"""
import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from fraud.features import FEATURE_COLUMNS, build_features


def threshold_for_precision(y_true, scores, min_precision):
    precision, recall, thresholds = precision_recall_curve(y_true, scores)
    ok = np.where(precision[:-1] >= min_precision)[0]
    if len(ok) == 0:
        return float(thresholds[-1])
    return float(thresholds[ok[np.argmax(recall[:-1][ok])]])


def summarize(y_true, scores, threshold):
    flagged = scores >= threshold
    tp = int((flagged & (y_true == 1)).sum())
    return {
        "average_precision": float(average_precision_score(y_true, scores)),
        "roc_auc": float(roc_auc_score(y_true, scores)),
        "precision": tp / max(int(flagged.sum()), 1),
        "recall": tp / max(int((y_true == 1).sum()), 1),
        "alert_rate": float(flagged.mean()),
    }


def main(config_path):
    cfg = json.loads(Path(config_path).read_text())
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(cfg["data_path"])
    df["event_time"] = pd.to_datetime(df["event_time"], utc=True)
    df = build_features(df.sort_values("event_time"))

    t_train, t_valid, t_test = (pd.Timestamp(cfg[k], tz="UTC") for k in ("train_end", "valid_end", "test_end"))
    train = df[df.event_time < t_train]
    valid = df[(df.event_time >= t_train) & (df.event_time < t_valid)]
    test = df[(df.event_time >= t_valid) & (df.event_time < t_test)]
    for name, part in (("train", train), ("valid", valid), ("test", test)):
        print(f"{name:5s} {len(part):>10,} rows  fraud {part.is_fraud.mean():.4%}")

    X_tr, y_tr = train[FEATURE_COLUMNS], train["is_fraud"].to_numpy()
    X_va, y_va = valid[FEATURE_COLUMNS], valid["is_fraud"].to_numpy()
    X_te, y_te = test[FEATURE_COLUMNS], test["is_fraud"].to_numpy()

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(X_tr, y_tr)
    base_thr = threshold_for_precision(y_va, baseline.predict_proba(X_va)[:, 1], cfg["min_precision"])

    model = lgb.LGBMClassifier(**cfg["lightgbm"], random_state=cfg["seed"], verbose=-1)
    model.fit(
        X_tr,
        y_tr,
        eval_set=[(X_va, y_va)],
        eval_metric="average_precision",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )
    threshold = threshold_for_precision(y_va, model.predict_proba(X_va)[:, 1], cfg["min_precision"])

    report = {
        "threshold": threshold,
        "best_iteration": int(model.best_iteration_),
        "lightgbm_test": summarize(y_te, model.predict_proba(X_te)[:, 1], threshold),
        "logreg_test": summarize(y_te, baseline.predict_proba(X_te)[:, 1], base_thr),
    }
    print(json.dumps(report, indent=2))
    model.booster_.save_model(str(out_dir / "model.txt"))
    (out_dir / "metrics.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
