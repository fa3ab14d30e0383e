"""Cross-validated XGBoost win-probability model.

    python -m esports.train --config config.yaml --out artifacts/
"""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import KFold

from esports.features import FEATURES, build

log = logging.getLogger("esports")


def cross_validate(df: pd.DataFrame, cfg: dict) -> dict:
    params = {k: v for k, v in cfg["xgb"].items() if k != "num_boost_round"}
    params["seed"] = cfg["cv"]["seed"]
    X = df[FEATURES].to_numpy(dtype=float)
    y = df["a_won"].to_numpy()

    folds = KFold(n_splits=cfg["cv"]["n_splits"], shuffle=True, random_state=cfg["cv"]["seed"])
    oof = np.zeros(len(df))
    for fold, (tr_idx, va_idx) in enumerate(folds.split(X)):
        dtr = xgb.DMatrix(X[tr_idx], label=y[tr_idx], feature_names=FEATURES)
        dva = xgb.DMatrix(X[va_idx], label=y[va_idx], feature_names=FEATURES)
        booster = xgb.train(params, dtr, num_boost_round=cfg["xgb"]["num_boost_round"])
        oof[va_idx] = booster.predict(dva)
        log.info("fold %d: logloss %.4f auc %.4f", fold, log_loss(y[va_idx], oof[va_idx]),
                 roc_auc_score(y[va_idx], oof[va_idx]))

    elo = df["elo_prob_a"].to_numpy()
    report = {
        "xgb": {"logloss": log_loss(y, oof), "auc": roc_auc_score(y, oof), "brier": brier_score_loss(y, oof)},
        "elo_baseline": {"logloss": log_loss(y, elo), "auc": roc_auc_score(y, elo), "brier": brier_score_loss(y, elo)},
    }
    return report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    cfg = yaml.safe_load(open(args.config))
    matches = pd.read_parquet(cfg["data"]["matches"])
    df = build(matches, cfg["features"])
    df = df.dropna(subset=["form_wr_a", "form_wr_b"]).reset_index(drop=True)
    log.info("%d matches from %s to %s", len(df), df["match_date"].min(), df["match_date"].max())

    report = cross_validate(df, cfg)
    log.info("CV report: %s", json.dumps(report, indent=2))

    params = {k: v for k, v in cfg["xgb"].items() if k != "num_boost_round"}
    params["seed"] = cfg["cv"]["seed"]
    full = xgb.DMatrix(df[FEATURES].to_numpy(dtype=float), label=df["a_won"], feature_names=FEATURES)
    final = xgb.train(params, full, num_boost_round=cfg["xgb"]["num_boost_round"])

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    final.save_model(out / "win_prob.json")
    (out / "cv_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
