"""Optiver Realized Volatility: CatBoost with GroupKFold over time_id."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import r2_score
from sklearn.model_selection import GroupKFold

from features import load_split


def rmspe(y_true, y_pred):
    return float(np.sqrt(np.mean(np.square((y_true - y_pred) / y_true))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="input/optiver-realized-volatility-prediction")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=21)
    args = ap.parse_args()

    train = pd.read_csv(Path(args.data) / "train.csv")
    test = pd.read_csv(Path(args.data) / "test.csv")
    feats_tr = load_split(args.data, "train", sorted(train.stock_id.unique()))
    feats_te = load_split(args.data, "test", sorted(test.stock_id.unique()))
    train = train.merge(feats_tr, on=["stock_id", "time_id"], how="left")
    test = test.merge(feats_te, on=["stock_id", "time_id"], how="left")

    for df in (train, test):
        df["vol_ratio_late"] = df["lr1_realized_vol_300"] / df["lr1_realized_vol"]
        df["log_depth"] = np.log1p(df["depth_mean"])
        df["stock_id"] = df["stock_id"].astype(str)

    features = [c for c in train.columns if c not in ("time_id", "target", "row_id")]
    X, y, groups = train[features], train["target"].values, train["time_id"].values
    weights = 1.0 / np.square(y)

    oof = np.zeros(len(train))
    test_pred = np.zeros(len(test))
    gkf = GroupKFold(n_splits=args.folds)
    for fold, (tr, va) in enumerate(gkf.split(X, y, groups)):
        model = CatBoostRegressor(
            iterations=5000, learning_rate=0.05, depth=7, loss_function="RMSE",
            random_seed=args.seed, od_type="Iter", od_wait=200, verbose=500,
        )
        model.fit(Pool(X.iloc[tr], y[tr], weight=weights[tr], cat_features=["stock_id"]),
                  eval_set=Pool(X.iloc[va], y[va], weight=weights[va], cat_features=["stock_id"]),
                  use_best_model=True)
        oof[va] = model.predict(X.iloc[va])
        test_pred += model.predict(test[features]) / args.folds
        print(f"fold {fold}: rmspe {rmspe(y[va], oof[va]):.4f}")

    naive = train["lr1_realized_vol"].values
    print(f"naive (current rv) RMSPE {rmspe(y, naive):.4f}  R2 {r2_score(y, naive):.4f}")
    print(f"catboost OOF       RMSPE {rmspe(y, oof):.4f}  R2 {r2_score(y, oof):.4f}")

    test["row_id"] = test["stock_id"] + "-" + test["time_id"].astype(str)
    pd.DataFrame({"row_id": test["row_id"], "target": test_pred}).to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
