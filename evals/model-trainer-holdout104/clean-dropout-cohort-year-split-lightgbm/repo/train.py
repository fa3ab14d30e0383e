"""Dropout early-warning model trained on earlier entry cohorts, tested on the latest one."""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_score, recall_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from ews.splits import cohort_split, current_rule_flag
from ews.utils import load_config, seed_everything


def threshold_for_share(scores: np.ndarray, share: float) -> float:
    """Score cut-off that flags `share` of students (counselor caseload capacity)."""
    return float(np.quantile(scores, 1 - share))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/ews_lgbm.yaml")
    ap.add_argument("--out", default="runs/ews_lgbm")
    args = ap.parse_args()
    cfg = load_config(args.config)
    seed_everything(cfg["seed"])

    df = pd.read_parquet(cfg["data"])
    feats, target = cfg["features"], cfg["target"]
    train, valid, test = cohort_split(df, cfg["cohort_col"], **cfg["split"])
    print({k: (len(v), round(v[target].mean(), 3)) for k, v in [("train", train), ("valid", valid), ("test", test)]})

    model = lgb.LGBMClassifier(random_state=cfg["seed"], verbose=-1, **cfg["lgbm"])
    model.fit(
        train[feats], train[target],
        eval_set=[(valid[feats], valid[target])],
        eval_metric="auc",
        callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"], first_metric_only=True)],
    )

    logit = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
    logit.fit(train[feats].fillna(train[feats].median()), train[target])

    cut = threshold_for_share(model.predict_proba(valid[feats])[:, 1], cfg["flag_share"])
    p_test = model.predict_proba(test[feats])[:, 1]
    p_logit = logit.predict_proba(test[feats].fillna(train[feats].median()))[:, 1]
    y_test = test[target].to_numpy()
    flag_model = (p_test >= cut).astype(int)
    flag_rule = current_rule_flag(test).to_numpy()

    report = {
        "best_iteration": int(model.best_iteration_),
        "valid_cut": cut,
        "auc": {"lgbm": roc_auc_score(y_test, p_test), "logit": roc_auc_score(y_test, p_logit)},
        "avg_precision": {"lgbm": average_precision_score(y_test, p_test),
                          "logit": average_precision_score(y_test, p_logit)},
        "flagged_share": {"lgbm": float(flag_model.mean()), "current_rule": float(flag_rule.mean())},
        "recall": {"lgbm": recall_score(y_test, flag_model), "current_rule": recall_score(y_test, flag_rule)},
        "precision": {"lgbm": precision_score(y_test, flag_model),
                      "current_rule": precision_score(y_test, flag_rule)},
    }
    print(json.dumps(report, indent=2))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "model.txt"), num_iteration=model.best_iteration_)
    (out / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
