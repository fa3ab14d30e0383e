"""XGBoost (native API) H->tautau classifier with the AMS working point.

python bdt_ams.py --csv data/atlas-higgs-challenge-2014-v2.csv --rounds 3000
"""
import argparse
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split


def ams(s, b, br=10.0):
    return np.sqrt(2 * ((s + b + br) * np.log(1 + s / (b + br)) - s))


def best_cut(score, label, weight, grid):
    values = [ams(weight[(score > c) & (label == 1)].sum(), weight[(score > c) & (label == 0)].sum()) for c in grid]
    i = int(np.argmax(values))
    return grid[i], values[i]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--csv", required=True)
    p.add_argument("--rounds", type=int, default=3000)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()

    df = pd.read_csv(a.csv)
    df = df[df["KaggleSet"].isin(["t", "b", "v"])]
    feats = [c for c in df.columns if c[:4] in ("DER_", "PRI_")]
    X = df[feats].to_numpy()
    y = (df["Label"] == "s").to_numpy().astype(int)
    w = df["Weight"].to_numpy()

    idx = np.arange(len(df))
    i_dev, i_test = train_test_split(idx, test_size=0.2, stratify=y, random_state=a.seed)
    i_train, i_val = train_test_split(i_dev, test_size=0.25, stratify=y[i_dev], random_state=a.seed)
    frac = {name: len(i) / len(df) for name, i in [("val", i_val), ("test", i_test)]}

    # equalise total signal/background weight for the fit only
    w_tr = w[i_train].copy()
    for cls in (0, 1):
        m = y[i_train] == cls
        w_tr[m] /= w_tr[m].sum()

    dtrain = xgb.DMatrix(X[i_train], label=y[i_train], weight=w_tr, missing=-999.0, feature_names=feats)
    dval = xgb.DMatrix(X[i_val], label=y[i_val], weight=w[i_val], missing=-999.0, feature_names=feats)
    dtest = xgb.DMatrix(X[i_test], label=y[i_test], weight=w[i_test], missing=-999.0, feature_names=feats)

    params = {
        "objective": "binary:logistic",
        "eval_metric": ["logloss", "auc"],
        "eta": 0.03,
        "max_depth": 6,
        "subsample": 0.85,
        "colsample_bytree": 0.8,
        "min_child_weight": 1e-4,
        "tree_method": "hist",
        "seed": a.seed,
    }
    booster = xgb.train(params, dtrain, num_boost_round=a.rounds,
                        evals=[(dtrain, "train"), (dval, "val")],
                        early_stopping_rounds=100, verbose_eval=200)
    it = (0, booster.best_iteration + 1)

    s_val = booster.predict(dval, iteration_range=it)
    grid = np.linspace(0.5, 0.995, 100)
    cut, ams_val = best_cut(s_val, y[i_val], w[i_val] / frac["val"], grid)

    s_test = booster.predict(dtest, iteration_range=it)
    _, ams_test = best_cut(s_test, y[i_test], w[i_test] / frac["test"], np.array([cut]))

    summary = {"best_iteration": booster.best_iteration, "cut": float(cut),
               "ams_val": float(ams_val), "ams_test": float(ams_test)}
    print(json.dumps(summary, indent=2))
    booster.save_model("htautau_bdt.ubj")
    json.dump(summary, open("htautau_bdt_summary.json", "w"), indent=2)


if __name__ == "__main__":
    main()
