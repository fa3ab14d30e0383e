"""Mini-course sales (Playground S3E19): GPU XGBoost validated on expanding yearly windows."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import mean_absolute_error

from forecast.cv import date_folds, smape
from forecast.features import KEYS, calendar_features


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    params = {**cfg["xgb"], "seed": cfg["seed"]}

    data = Path(cfg["data_dir"])
    train = pd.read_csv(data / "train.csv", parse_dates=["date"]).dropna(subset=["num_sold"])
    test = pd.read_csv(data / "test.csv", parse_dates=["date"])
    train = calendar_features(train).sort_values(["date"] + KEYS).reset_index(drop=True)
    test = calendar_features(test)
    for col in KEYS:
        test[col] = pd.Categorical(test[col], categories=train[col].cat.categories)

    feats = [c for c in train.columns if c not in ("id", "date", "num_sold")]
    X, y = train[feats], np.log1p(train["num_sold"])

    best_iters, rows = [], []
    for fold, (tr, va) in enumerate(date_folds(train["date"], **cfg["cv"])):
        naive = (train.iloc[tr].groupby(KEYS + ["dayofweek"], observed=True)["num_sold"].mean()
                 .rename("naive").reset_index())
        va_naive = train.iloc[va][KEYS + ["dayofweek"]].merge(naive, how="left", on=KEYS + ["dayofweek"])["naive"]

        dtr = xgb.DMatrix(X.iloc[tr], y.iloc[tr], enable_categorical=True)
        dva = xgb.DMatrix(X.iloc[va], y.iloc[va], enable_categorical=True)
        booster = xgb.train(params, dtr, cfg["num_boost_round"], evals=[(dva, "valid")],
                            early_stopping_rounds=cfg["early_stopping_rounds"], verbose_eval=False)
        best_iters.append(booster.best_iteration + 1)
        pred = np.expm1(booster.predict(dva, iteration_range=(0, booster.best_iteration + 1)))
        y_va = train["num_sold"].iloc[va]
        rows.append({
            "fold": fold,
            "valid_start": train["date"].iloc[va].min().date(),
            "naive_smape": smape(y_va, va_naive.fillna(0)),
            "xgb_smape": smape(y_va, pred),
            "xgb_mae": mean_absolute_error(y_va, pred),
        })
        print(rows[-1])

    report = pd.DataFrame(rows)
    print(report.to_string(index=False))
    print(report[["naive_smape", "xgb_smape", "xgb_mae"]].mean().round(3))

    n_rounds = int(np.mean(best_iters))
    final = xgb.train(params, xgb.DMatrix(X, y, enable_categorical=True), n_rounds)
    test_pred = np.expm1(final.predict(xgb.DMatrix(test[feats], enable_categorical=True)))
    pd.DataFrame({"id": test["id"], "num_sold": test_pred}).to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
