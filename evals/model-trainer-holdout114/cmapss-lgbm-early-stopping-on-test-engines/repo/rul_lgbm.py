#!/usr/bin/env python
"""Gradient-boosted RUL regressor for C-MAPSS (FD001/FD003).

usage: python rul_lgbm.py --subset FD001 --window 15
"""
import argparse
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error

COLS = ["unit_nr", "time_cycles", "setting_1", "setting_2", "setting_3"] + [f"s_{i}" for i in range(1, 22)]
SENSORS = ["s_2", "s_3", "s_4", "s_7", "s_8", "s_9", "s_11", "s_12", "s_13", "s_14", "s_15", "s_17", "s_20", "s_21"]


def read(path):
    return pd.read_csv(path, sep=r"\s+", header=None, names=COLS)


def rolling_features(df, window):
    df = df.sort_values(["unit_nr", "time_cycles"])
    g = df.groupby("unit_nr")
    out = df[["unit_nr", "time_cycles"] + SENSORS].copy()
    for s in SENSORS:
        out[f"{s}_mean{window}"] = g[s].transform(lambda x: x.rolling(window, min_periods=1).mean())
        out[f"{s}_std{window}"] = g[s].transform(lambda x: x.rolling(window, min_periods=2).std()).fillna(0.0)
        out[f"{s}_slope{window}"] = g[s].transform(lambda x: x.diff(window - 1) / (window - 1)).fillna(0.0)
    return out


def score_nasa(y_true, y_pred):
    # asymmetric PHM08 score: late predictions are penalised harder than early ones
    d = y_pred - y_true
    return float(np.sum(np.where(d < 0, np.exp(-d / 13) - 1, np.exp(d / 10) - 1)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/CMAPSSData")
    ap.add_argument("--subset", default="FD001")
    ap.add_argument("--window", type=int, default=15)
    ap.add_argument("--max-rul", type=int, default=125)
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()
    d = Path(args.data_dir)

    train = read(d / f"train_{args.subset}.txt")
    test = read(d / f"test_{args.subset}.txt")
    test_rul = pd.read_csv(d / f"RUL_{args.subset}.txt", header=None, names=["RUL"])
    test_rul["unit_nr"] = np.arange(1, len(test_rul) + 1)

    train["RUL"] = train.groupby("unit_nr")["time_cycles"].transform("max") - train["time_cycles"]
    train["RUL"] = train["RUL"].clip(upper=args.max_rul)

    tr_feat = rolling_features(train, args.window)
    te_feat = rolling_features(test, args.window)
    # only the last observed cycle of every test engine has a ground-truth RUL
    te_last = te_feat.groupby("unit_nr").tail(1).merge(test_rul, on="unit_nr")

    feature_cols = [c for c in tr_feat.columns if c not in ("unit_nr", "time_cycles")]
    X_train, y_train = tr_feat[feature_cols], train.loc[tr_feat.index, "RUL"]
    X_test, y_test = te_last[feature_cols], te_last["RUL"]

    model = lgb.LGBMRegressor(
        n_estimators=5000,
        learning_rate=0.02,
        num_leaves=31,
        min_child_samples=40,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.7,
        random_state=args.seed,
        verbose=-1,
    )
    model.fit(
        X_train, y_train,
        eval_set=[(X_test, y_test)],
        eval_metric="rmse",
        callbacks=[lgb.early_stopping(200), lgb.log_evaluation(250)],
    )

    pred = np.clip(model.predict(X_test, num_iteration=model.best_iteration_), 0, None)
    rmse = mean_squared_error(y_test, pred, squared=False)
    print(f"{args.subset}: best_iter={model.best_iteration_} RMSE={rmse:.2f} "
          f"MAE={mean_absolute_error(y_test, pred):.2f} score={score_nasa(y_test.values, pred):.1f}")


if __name__ == "__main__":
    main()
