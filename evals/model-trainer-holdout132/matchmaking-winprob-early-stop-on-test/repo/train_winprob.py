"""Win-probability model for ranked 5v5 matchmaking.

Predicts P(team A wins) from pre-match lobby composition. Used to audit
match fairness and to tune the MMR spread allowed by the matchmaker.
"""
import argparse
import json
import os

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score


def load_matches(cfg):
    df = pd.read_parquet(cfg["data"]["matches"])
    df = df[df["queue"] == cfg["data"]["queue"]]
    df = df[~df["had_leaver"]]  # remakes / leavers are not fair outcomes
    df["start_time"] = pd.to_datetime(df["start_time"])
    df["mmr_diff"] = df["avg_mmr_a"] - df["avg_mmr_b"]
    df["region_latency_diff_ms"] = df["avg_ping_a"] - df["avg_ping_b"]
    return df.sort_values("start_time")


def elo_baseline(mmr_diff):
    return 1.0 / (1.0 + np.power(10.0, -mmr_diff / 400.0))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    df = load_matches(cfg)
    feats = cfg["features"]
    train_end = pd.Timestamp(cfg["data"]["train_end"])
    test_end = pd.Timestamp(cfg["data"]["test_end"])

    train = df[df["start_time"] < train_end]
    test = df[(df["start_time"] >= train_end) & (df["start_time"] < test_end)]
    print(f"train matches: {len(train):,}  test matches: {len(test):,}")

    X_train, y_train = train[feats], train["team_a_win"].astype(int)
    X_test, y_test = test[feats], test["team_a_win"].astype(int)

    model = lgb.LGBMClassifier(**cfg["lgbm"])
    model.fit(
        X_train,
        y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="binary_logloss",
        callbacks=[
            lgb.early_stopping(cfg["early_stopping_rounds"]),
            lgb.log_evaluation(200),
        ],
    )

    p_model = model.predict_proba(X_test)[:, 1]
    p_elo = elo_baseline(X_test["mmr_diff"].to_numpy())
    report = {
        "best_iteration": int(model.best_iteration_),
        "logloss_model": log_loss(y_test, p_model),
        "logloss_elo": log_loss(y_test, p_elo),
        "brier_model": brier_score_loss(y_test, p_model),
        "brier_elo": brier_score_loss(y_test, p_elo),
        "auc_model": roc_auc_score(y_test, p_model),
    }
    print(json.dumps(report, indent=2))

    os.makedirs(cfg["output_dir"], exist_ok=True)
    model.booster_.save_model(os.path.join(cfg["output_dir"], "winprob.txt"))
    with open(os.path.join(cfg["output_dir"], "report.json"), "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
