"""Next-hour LAeq exceedance (> 65 dB) per sensor with XGBoost.

Validation is strictly chronological: expanding-window CV over hours for tuning,
and the most recent 15% of hours as the final test period.
"""
import itertools

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, train_test_split

SEED = 21
LIMIT_DB = 65.0
BANDS = ["l63", "l125", "l250", "l500", "l1k", "l2k", "l4k", "l8k"]


def make_features(hourly):
    df = hourly.sort_values(["sensor_id", "timestamp"]).reset_index(drop=True)
    g = df.groupby("sensor_id")
    df["target"] = (g["laeq"].shift(-1) > LIMIT_DB).astype(float).where(g["laeq"].shift(-1).notna())
    for col in ["laeq"] + BANDS:
        for lag in (1, 2, 24, 168):
            df[f"{col}_lag{lag}"] = g[col].shift(lag)
    df["laeq_roll24"] = g["laeq"].transform(lambda s: s.rolling(24, min_periods=6).mean())
    df["laeq_max24"] = g["laeq"].transform(lambda s: s.rolling(24, min_periods=6).max())
    df["hour"], df["dow"] = df["timestamp"].dt.hour, df["timestamp"].dt.dayofweek
    df["exceeds_now"] = (df["laeq"] > LIMIT_DB).astype(int)
    return df.dropna(subset=["target", "laeq_lag168"]).reset_index(drop=True)


def fit(params, X, y, n_estimators):
    model = xgb.XGBClassifier(n_estimators=n_estimators, tree_method="hist", random_state=SEED, **params)
    return model.fit(X, y)


def main():
    hourly = pd.read_parquet("data/sensors/hourly_band_levels.parquet")
    hourly["timestamp"] = pd.to_datetime(hourly["timestamp"])
    df = make_features(hourly)
    feats = [c for c in df.columns if c not in ("timestamp", "sensor_id", "target")]

    hours = np.sort(df["timestamp"].unique())
    dev_hours, test_hours = train_test_split(hours, test_size=0.15, shuffle=False)
    dev = df[df["timestamp"].isin(dev_hours)]
    test = df[df["timestamp"].isin(test_hours)]
    print(f"dev until {dev_hours[-1]}, test {test_hours[0]} .. {test_hours[-1]}")

    tscv = TimeSeriesSplit(n_splits=4, gap=24)
    grid = [dict(max_depth=d, learning_rate=lr, subsample=0.8, colsample_bytree=0.7)
            for d, lr in itertools.product([4, 6], [0.03, 0.1])]
    cv_scores = []
    for params in grid:
        fold_ap, last_val = [], None
        for tr_h, va_h in tscv.split(dev_hours):
            tr = dev[dev["timestamp"].isin(dev_hours[tr_h])]
            va = dev[dev["timestamp"].isin(dev_hours[va_h])]
            m = fit(params, tr[feats], tr["target"], 400)
            p = m.predict_proba(va[feats])[:, 1]
            fold_ap.append(average_precision_score(va["target"], p))
            last_val = (va["target"].to_numpy(), p)
        cv_scores.append((np.mean(fold_ap), params, last_val))
        print(params, f"mean PR-AUC {np.mean(fold_ap):.4f}")

    best_ap, best_params, (y_last, p_last) = max(cv_scores, key=lambda t: t[0])
    prec, rec, th = precision_recall_curve(y_last, p_last)
    threshold = th[np.argmax(2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None))]

    model = fit(best_params, dev[feats], dev["target"], 400)
    p_test = model.predict_proba(test[feats])[:, 1]
    y_test = test["target"].to_numpy()
    persistence = test["exceeds_now"].to_numpy()
    print("persistence: roc_auc %.4f pr_auc %.4f f1 %.4f" % (
        roc_auc_score(y_test, persistence), average_precision_score(y_test, persistence), f1_score(y_test, persistence)))
    print("xgboost:     roc_auc %.4f pr_auc %.4f f1 %.4f" % (
        roc_auc_score(y_test, p_test), average_precision_score(y_test, p_test),
        f1_score(y_test, (p_test >= threshold).astype(int))))
    model.save_model("exceedance_xgb.json")


if __name__ == "__main__":
    main()
