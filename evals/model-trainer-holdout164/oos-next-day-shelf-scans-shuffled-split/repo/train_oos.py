"""Next-day out-of-stock prediction from shelf-scan robot aggregates.

One row per (store_id, sku_id, scan_date). Target `oos_next_day` = the SKU shows an
empty facing in the following day's scan. Used to prioritise replenishment tasks.
"""
import json

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 11
FEATURES = [
    "facings_detected", "facings_planned", "gap_ratio", "price", "promo_flag",
    "days_since_delivery", "dow", "fill_rate", "fill_rate_lag1", "fill_rate_lag7",
    "gap_ratio_roll7", "sales_units_roll7", "oos_rate_roll28",
]


def load_scans(path):
    df = pd.read_parquet(path)
    df["scan_date"] = pd.to_datetime(df["scan_date"])
    return df.sort_values(["store_id", "sku_id", "scan_date"]).reset_index(drop=True)


def add_features(df):
    df["fill_rate"] = df["facings_detected"] / df["facings_planned"].clip(lower=1)
    df["dow"] = df["scan_date"].dt.dayofweek
    g = df.groupby(["store_id", "sku_id"], sort=False)
    df["fill_rate_lag1"] = g["fill_rate"].shift(1)
    df["fill_rate_lag7"] = g["fill_rate"].shift(7)
    df["gap_ratio_roll7"] = g["gap_ratio"].transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["sales_units_roll7"] = g["sales_units"].transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["oos_rate_roll28"] = g["is_oos_today"].transform(lambda s: s.shift(1).rolling(28, min_periods=7).mean())
    return df.dropna(subset=["fill_rate_lag7", "oos_rate_roll28", "oos_next_day"])


def main():
    df = add_features(load_scans("data/shelf_scans_2023.parquet"))
    print(df.scan_date.min().date(), "->", df.scan_date.max().date(), f"{len(df):,} rows")

    X, y = df[FEATURES], df["oos_next_day"].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    model = lgb.LGBMClassifier(
        n_estimators=600,
        learning_rate=0.03,
        num_leaves=63,
        min_child_samples=50,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        scale_pos_weight=(y_train == 0).sum() / (y_train == 1).sum(),
        random_state=SEED,
        verbose=-1,
    )
    model.fit(X_train, y_train)

    proba = model.predict_proba(X_test)[:, 1]
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "pr_auc": average_precision_score(y_test, proba),
        "f1@0.5": f1_score(y_test, proba >= 0.5),
        "base_rate": float(y_test.mean()),
    }
    print(json.dumps(metrics, indent=2))
    imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
    print(imp.head(10))
    with open("oos_metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)
    model.booster_.save_model("oos_lgbm.txt")


if __name__ == "__main__":
    main()
