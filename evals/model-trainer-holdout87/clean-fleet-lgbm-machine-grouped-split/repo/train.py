"""Failure-within-24h classifier for the pump fleet, evaluated on unseen machines."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, precision_score, recall_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from pdm.features import add_failure_label, add_rolling_features, feature_columns
from pdm.splits import grouped_holdout


def threshold_for_precision(y, scores, target):
    prec, rec, thr = precision_recall_curve(y, scores)
    ok = np.where(prec[:-1] >= target)[0]
    return float(thr[ok[0]]) if len(ok) else float(thr[-1])


def evaluate(y, scores, thr):
    pred = (scores >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y, scores), "pr_auc": average_precision_score(y, scores),
            "precision": precision_score(y, pred, zero_division=0), "recall": recall_score(y, pred, zero_division=0)}


def main():
    cfg = yaml.safe_load(Path("config.yaml").read_text())
    np.random.seed(cfg["seed"])

    tel = pd.read_parquet(cfg["telemetry"])
    failures = pd.read_csv(cfg["failures"], parse_dates=["datetime"])
    tel = add_rolling_features(tel, cfg["rolling_windows"])
    tel = add_failure_label(tel, failures, cfg["horizon_hours"])
    tel["model"] = tel["model"].astype("category")
    feats = feature_columns(cfg["rolling_windows"])
    y, groups = tel["fail_within_h"].to_numpy(), tel["machine_id"].to_numpy()

    dev_idx, test_idx = grouped_holdout(y, groups, cfg["n_folds"], cfg["seed"])
    dev, test = tel.iloc[dev_idx], tel.iloc[test_idx]
    fit_rel, val_rel = grouped_holdout(dev["fail_within_h"].to_numpy(), dev["machine_id"].to_numpy(),
                                       cfg["n_folds"], cfg["seed"] + 1)
    fit, val = dev.iloc[fit_rel], dev.iloc[val_rel]
    assert not set(fit["machine_id"]) & set(val["machine_id"])
    assert not set(dev["machine_id"]) & set(test["machine_id"])

    params = dict(cfg["lgbm"], seed=cfg["seed"])
    booster = lgb.train(
        params,
        lgb.Dataset(fit[feats], fit["fail_within_h"]),
        num_boost_round=cfg["num_boost_round"],
        valid_sets=[lgb.Dataset(val[feats], val["fail_within_h"])],
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(250)],
    )
    val_scores = booster.predict(val[feats], num_iteration=booster.best_iteration)
    thr = threshold_for_precision(val["fail_within_h"], val_scores, cfg["target_precision"])

    num_feats = [f for f in feats if f != "model"]
    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
    logreg.fit(fit[num_feats], fit["fail_within_h"])
    lr_val = logreg.predict_proba(val[num_feats])[:, 1]
    lr_thr = threshold_for_precision(val["fail_within_h"], lr_val, cfg["target_precision"])

    y_test = test["fail_within_h"].to_numpy()
    report = {
        "lightgbm": evaluate(y_test, booster.predict(test[feats], num_iteration=booster.best_iteration), thr),
        "logreg_baseline": evaluate(y_test, logreg.predict_proba(test[num_feats])[:, 1], lr_thr),
        "test_machines": int(test["machine_id"].nunique()),
    }
    print(json.dumps(report, indent=2))
    Path("artifacts").mkdir(exist_ok=True)
    booster.save_model("artifacts/pump_fleet_lgbm.txt")


if __name__ == "__main__":
    main()
