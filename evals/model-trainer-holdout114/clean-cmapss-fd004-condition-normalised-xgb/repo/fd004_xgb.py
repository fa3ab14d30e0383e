"""RUL for C-MAPSS FD004 (6 operating conditions, 2 fault modes) with XGBoost.

Sensor readings depend heavily on the operating condition, so every sensor is z-scored
within its condition before building trailing-window features.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBRegressor

COLS = ["unit_nr", "time_cycles", "setting_1", "setting_2", "setting_3"] + [f"s_{i}" for i in range(1, 22)]
SENSORS = ["s_2", "s_3", "s_4", "s_7", "s_8", "s_9", "s_11", "s_12", "s_13", "s_14", "s_15", "s_17", "s_20", "s_21"]


def read(path):
    return pd.read_csv(path, sep=r"\s+", header=None, names=COLS)


def add_condition(df):
    # the six FD004 regimes sit on a coarse grid of altitude / Mach / TRA
    s = df[["setting_1", "setting_2", "setting_3"]].round({"setting_1": 0, "setting_2": 2, "setting_3": 0})
    df["op_cond"] = s.astype(str).agg("_".join, axis=1)
    return df


def fit_condition_stats(df):
    return df.groupby("op_cond")[SENSORS].agg(["mean", "std"])


def normalise(df, stats):
    df = df.copy()
    mu = stats.xs("mean", axis=1, level=1).loc[df["op_cond"]].to_numpy()
    sd = stats.xs("std", axis=1, level=1).loc[df["op_cond"]].to_numpy()
    df[SENSORS] = (df[SENSORS].to_numpy() - mu) / np.where(sd > 0, sd, 1.0)
    return df


def window_features(df, w):
    df = df.sort_values(["unit_nr", "time_cycles"])
    g = df.groupby("unit_nr")[SENSORS]
    roll = g.rolling(w, min_periods=1).mean().reset_index(level=0, drop=True).add_suffix(f"_mean{w}")
    ewm = g.transform(lambda x: x.ewm(span=w).mean()).add_suffix("_ewm")
    return pd.concat([df, roll, ewm], axis=1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/CMAPSSData")
    ap.add_argument("--window", type=int, default=20)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()

    train = add_condition(read(f"{args.data_dir}/train_FD004.txt"))
    test = add_condition(read(f"{args.data_dir}/test_FD004.txt"))
    true_rul = np.loadtxt(f"{args.data_dir}/RUL_FD004.txt")

    train["RUL"] = train.groupby("unit_nr")["time_cycles"].transform("max") - train["time_cycles"]
    train["RUL"] = train["RUL"].clip(upper=130)

    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
    fit_idx, val_idx = next(gss.split(train, groups=train["unit_nr"]))
    fit_df, val_df = train.iloc[fit_idx], train.iloc[val_idx]

    stats = fit_condition_stats(fit_df)
    fit_df, val_df, test_df = (window_features(normalise(d, stats), args.window) for d in (fit_df, val_df, test))

    feats = SENSORS + [f"{s}_mean{args.window}" for s in SENSORS] + [f"{s}_ewm" for s in SENSORS]
    model = XGBRegressor(
        n_estimators=3000, learning_rate=0.02, max_depth=6, subsample=0.8, colsample_bytree=0.7,
        min_child_weight=10, early_stopping_rounds=150, eval_metric="rmse", random_state=args.seed,
    )
    model.fit(fit_df[feats], fit_df["RUL"], eval_set=[(val_df[feats], val_df["RUL"])], verbose=500)
    print(f"best iteration {model.best_iteration}, val RMSE {model.best_score:.2f}")

    last = test_df.groupby("unit_nr").tail(1).sort_values("unit_nr")
    pred = np.clip(model.predict(last[feats]), 0, None)
    rmse = mean_squared_error(true_rul, pred) ** 0.5
    print(f"FD004 test RMSE over {len(last)} engines: {rmse:.2f}")


if __name__ == "__main__":
    main()
