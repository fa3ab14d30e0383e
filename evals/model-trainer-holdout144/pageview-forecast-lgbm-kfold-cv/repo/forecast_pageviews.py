#!/usr/bin/env python
"""Daily page-view forecast per site section (next-day), LightGBM on lag features.

Input: one row per (section, date) exported from the BigQuery GA4 daily rollup.
"""
import argparse

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold

SEED = 2024
LAGS = [1, 2, 3, 7, 14, 28]


def build_features(daily: pd.DataFrame) -> pd.DataFrame:
    daily = daily.sort_values(["section", "date"]).copy()
    g = daily.groupby("section")["pageviews"]
    for lag in LAGS:
        daily[f"pv_lag_{lag}"] = g.shift(lag)
    daily["pv_roll7_mean"] = g.transform(lambda s: s.shift(1).rolling(7).mean())
    daily["pv_roll28_mean"] = g.transform(lambda s: s.shift(1).rolling(28).mean())
    daily["dow"] = daily["date"].dt.dayofweek
    daily["month"] = daily["date"].dt.month
    daily["is_holiday"] = daily["is_holiday"].astype(int)
    daily["section_code"] = daily["section"].astype("category").cat.codes
    return daily.dropna(subset=[f"pv_lag_{l}" for l in LAGS] + ["pv_roll28_mean"])


def smape(y_true, y_pred):
    denom = (np.abs(y_true) + np.abs(y_pred)) / 2
    return float(np.mean(np.abs(y_true - y_pred) / np.maximum(denom, 1e-9)) * 100)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default="data/section_daily_pageviews.csv")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    daily = pd.read_csv(args.input, parse_dates=["date"])
    daily = build_features(daily)
    feats = [c for c in daily.columns if c.startswith("pv_")] + ["dow", "month", "is_holiday", "section_code"]
    X = daily[feats].reset_index(drop=True)
    y = np.log1p(daily["pageviews"].reset_index(drop=True))

    params = dict(
        n_estimators=800,
        learning_rate=0.05,
        num_leaves=31,
        min_child_samples=40,
        colsample_bytree=0.9,
        random_state=SEED,
        verbose=-1,
    )

    cv = KFold(n_splits=args.folds, shuffle=True, random_state=SEED)
    maes, smapes = [], []
    for fold, (tr_idx, va_idx) in enumerate(cv.split(X)):
        model = lgb.LGBMRegressor(**params)
        model.fit(X.iloc[tr_idx], y.iloc[tr_idx])
        pred = np.expm1(model.predict(X.iloc[va_idx]))
        actual = np.expm1(y.iloc[va_idx])
        maes.append(mean_absolute_error(actual, pred))
        smapes.append(smape(actual.values, pred))
        print(f"fold {fold}: MAE={maes[-1]:.1f}  sMAPE={smapes[-1]:.2f}%")

    print(f"CV MAE {np.mean(maes):.1f} +/- {np.std(maes):.1f}, sMAPE {np.mean(smapes):.2f}%")

    final = lgb.LGBMRegressor(**params).fit(X, y)
    final.booster_.save_model("models/pageviews_lgbm.txt")


if __name__ == "__main__":
    main()
