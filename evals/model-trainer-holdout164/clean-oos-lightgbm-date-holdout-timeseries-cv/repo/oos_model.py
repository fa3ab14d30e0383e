"""Next-day out-of-stock model with time-ordered evaluation.

The last TEST_DAYS of scans are the test window. Hyper-parameters are picked with an
expanding-window CV over the remaining dates.
"""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit

SEED = 3
TEST_DAYS = 28
FEATURES = [
    "fill_rate", "fill_rate_lag1", "fill_rate_lag7", "gap_ratio", "gap_ratio_roll7",
    "sales_units_roll7", "oos_rate_roll28", "days_since_delivery", "promo_flag", "price", "dow",
]
GRID = [
    {"num_leaves": 31, "min_child_samples": 100},
    {"num_leaves": 63, "min_child_samples": 50},
    {"num_leaves": 127, "min_child_samples": 50},
]
BASE = dict(n_estimators=500, learning_rate=0.03, subsample=0.8, subsample_freq=1,
            colsample_bytree=0.8, random_state=SEED, verbose=-1)


def add_features(df):
    df = df.sort_values(["store_id", "sku_id", "scan_date"]).copy()
    df["fill_rate"] = df.facings_detected / df.facings_planned.clip(lower=1)
    df["dow"] = df.scan_date.dt.dayofweek
    g = df.groupby(["store_id", "sku_id"], sort=False)
    df["fill_rate_lag1"] = g.fill_rate.shift(1)
    df["fill_rate_lag7"] = g.fill_rate.shift(7)
    df["gap_ratio_roll7"] = g.gap_ratio.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["sales_units_roll7"] = g.sales_units.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["oos_rate_roll28"] = g.is_oos_today.transform(lambda s: s.shift(1).rolling(28, min_periods=7).mean())
    return df.dropna(subset=["fill_rate_lag7", "oos_rate_roll28", "oos_next_day"])


def fit(params, X, y):
    spw = (y == 0).sum() / max((y == 1).sum(), 1)
    return lgb.LGBMClassifier(**BASE, **params, scale_pos_weight=spw).fit(X, y)


def main():
    scans = pd.read_parquet("data/shelf_scans_2023.parquet")
    scans["scan_date"] = pd.to_datetime(scans.scan_date)
    df = add_features(scans)

    cutoff = df.scan_date.max() - pd.Timedelta(days=TEST_DAYS)
    # 1-day gap: the label looks one day ahead
    dev = df[df.scan_date < cutoff].reset_index(drop=True)
    test = df[df.scan_date > cutoff].reset_index(drop=True)
    print("dev", dev.scan_date.min().date(), dev.scan_date.max().date(),
          "| test", test.scan_date.min().date(), test.scan_date.max().date())

    dates = np.sort(dev.scan_date.unique())
    tscv = TimeSeriesSplit(n_splits=4, gap=1)
    cv = []
    for params in GRID:
        fold_scores = []
        for tr_d, va_d in tscv.split(dates):
            tr = dev.scan_date.isin(dates[tr_d])
            va = dev.scan_date.isin(dates[va_d])
            m = fit(params, dev.loc[tr, FEATURES], dev.loc[tr, "oos_next_day"])
            p = m.predict_proba(dev.loc[va, FEATURES])[:, 1]
            fold_scores.append(average_precision_score(dev.loc[va, "oos_next_day"], p))
        cv.append(float(np.mean(fold_scores)))
        print(params, "cv PR-AUC", round(cv[-1], 4))
    best = GRID[int(np.argmax(cv))]

    model = fit(best, dev[FEATURES], dev.oos_next_day)
    proba = model.predict_proba(test[FEATURES])[:, 1]
    metrics = {
        "params": best,
        "cv_pr_auc": max(cv),
        "test_pr_auc": float(average_precision_score(test.oos_next_day, proba)),
        "test_roc_auc": float(roc_auc_score(test.oos_next_day, proba)),
        "test_base_rate": float(test.oos_next_day.mean()),
    }
    print(json.dumps(metrics, indent=2))
    with open("oos_metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
