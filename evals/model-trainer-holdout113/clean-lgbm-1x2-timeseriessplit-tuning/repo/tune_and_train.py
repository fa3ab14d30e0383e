"""Tune a LightGBM 1X2 model with expanding-window CV, then score the held-out season once."""
import itertools
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import log_loss
from sklearn.model_selection import TimeSeriesSplit

SEED = 31
DATA = "data/match_features_2015_2024.parquet"
TEST_SEASON = "2023-24"
FEATURES = [
    "elo_diff", "home_xg_l6", "home_xga_l6", "away_xg_l6", "away_xga_l6",
    "home_ppda_l6", "away_ppda_l6", "home_rest", "away_rest", "derby", "home_travel_km",
]
GRID = {
    "num_leaves": [7, 15, 31],
    "learning_rate": [0.02, 0.05],
    "min_child_samples": [50, 150],
}
N_ROUNDS = [200, 400, 800]


def make_model(params, n_estimators):
    return lgb.LGBMClassifier(
        objective="multiclass", n_estimators=n_estimators, subsample=0.8, subsample_freq=1,
        colsample_bytree=0.8, random_state=SEED, verbose=-1, **params,
    )


def main():
    df = pd.read_parquet(DATA).sort_values("kickoff").reset_index(drop=True)
    df = df.dropna(subset=FEATURES + ["result"])
    train = df[df.season < TEST_SEASON].reset_index(drop=True)
    test = df[df.season == TEST_SEASON]
    X, y = train[FEATURES], train["result"].astype(int)

    # expanding window: each fold validates on matches played after all of its training rows
    tscv = TimeSeriesSplit(n_splits=5, gap=50)
    results = []
    for values in itertools.product(*GRID.values()):
        params = dict(zip(GRID.keys(), values))
        for n in N_ROUNDS:
            fold_losses = []
            for tr_idx, va_idx in tscv.split(X):
                m = make_model(params, n)
                m.fit(X.iloc[tr_idx], y.iloc[tr_idx])
                fold_losses.append(log_loss(y.iloc[va_idx], m.predict_proba(X.iloc[va_idx]), labels=[0, 1, 2]))
            results.append({**params, "n_estimators": n, "cv_logloss": float(np.mean(fold_losses))})
            print(results[-1])

    res = pd.DataFrame(results).sort_values("cv_logloss")
    best = res.iloc[0].to_dict()
    n_best = int(best.pop("n_estimators"))
    best.pop("cv_logloss")
    best = {k: (int(v) if k != "learning_rate" else float(v)) for k, v in best.items()}
    print("selected:", best, "rounds:", n_best)

    final = make_model(best, n_best)
    final.fit(X, y)
    proba = final.predict_proba(test[FEATURES])
    y_test = test["result"].astype(int)
    report = {
        "params": best,
        "n_estimators": n_best,
        "cv_logloss": float(res.iloc[0].cv_logloss),
        "test_logloss": log_loss(y_test, proba, labels=[0, 1, 2]),
        "test_logloss_class_prior": log_loss(
            y_test, np.tile(np.bincount(y, minlength=3) / len(y), (len(y_test), 1)), labels=[0, 1, 2]),
    }
    print(json.dumps(report, indent=2))
    res.to_csv("cv_results.csv", index=False)
    final.booster_.save_model("lgbm_1x2.txt")


if __name__ == "__main__":
    main()
