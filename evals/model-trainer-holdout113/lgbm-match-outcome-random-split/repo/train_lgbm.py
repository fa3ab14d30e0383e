#!/usr/bin/env python
"""Train a LightGBM 1X2 model on the Big-5 leagues match table.

The input parquet is built by build_match_table.py: one row per match, sorted by kickoff,
with pre-match features only (elo, rolling xG, rest, market probabilities).
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss
from sklearn.model_selection import train_test_split

FEATURES = [
    "elo_home", "elo_away", "elo_diff",
    "home_xg_for_l6", "home_xg_against_l6", "away_xg_for_l6", "away_xg_against_l6",
    "home_pts_l6", "away_pts_l6",
    "home_rest_days", "away_rest_days",
    "mkt_p_home", "mkt_p_draw", "mkt_p_away",
]
TARGET = "result"  # 0 = home win, 1 = draw, 2 = away win


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="data/big5_matches_2017_2024.parquet")
    p.add_argument("--out", default="artifacts/lgbm_1x2")
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--test-size", type=float, default=0.2)
    p.add_argument("--num-leaves", type=int, default=15)
    p.add_argument("--lr", type=float, default=0.03)
    p.add_argument("--n-estimators", type=int, default=600)
    return p.parse_args()


def multiclass_brier(y, proba):
    onehot = np.eye(3)[y]
    return np.mean(np.sum((proba - onehot) ** 2, axis=1))


def main():
    args = parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    df = pd.read_parquet(args.data)
    df = df.dropna(subset=FEATURES + [TARGET])
    df["league"] = df["league"].astype("category")
    print(df.groupby("season").size())

    X = df[FEATURES + ["league"]]
    y = df[TARGET].astype(int)

    # stratify so the draw rate is the same in both parts
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=args.test_size, random_state=args.seed, stratify=y
    )

    model = lgb.LGBMClassifier(
        objective="multiclass",
        num_class=3,
        n_estimators=args.n_estimators,
        learning_rate=args.lr,
        num_leaves=args.num_leaves,
        min_child_samples=50,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=args.seed,
        verbose=-1,
    )
    model.fit(X_train, y_train, categorical_feature=["league"])

    proba = model.predict_proba(X_test)
    mkt = X_test[["mkt_p_home", "mkt_p_draw", "mkt_p_away"]].to_numpy()
    mkt = mkt / mkt.sum(axis=1, keepdims=True)

    metrics = {
        "model_log_loss": log_loss(y_test, proba),
        "market_log_loss": log_loss(y_test, mkt),
        "model_brier": multiclass_brier(y_test.to_numpy(), proba),
        "market_brier": multiclass_brier(y_test.to_numpy(), mkt),
        "model_accuracy": accuracy_score(y_test, proba.argmax(1)),
        "home_win_brier": brier_score_loss(y_test == 0, proba[:, 0]),
    }
    for k, v in metrics.items():
        print(f"{k:>18}: {v:.4f}")

    model.booster_.save_model(str(out / "model.txt"))
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))
    imp = pd.Series(model.feature_importances_, index=X.columns).sort_values(ascending=False)
    imp.to_csv(out / "feature_importance.csv")


if __name__ == "__main__":
    main()
