"""Item-level daily demand model for the replenishment pilot (120 stores, ~9k SKUs)."""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.preprocessing import TargetEncoder

SEED = 2023
HIGH_CARD = ["sku_id", "store_sku", "brand", "supplier_id"]
LOW_CARD = ["store_id", "category", "region"]


def load(data_dir: Path) -> pd.DataFrame:
    tx = pd.read_parquet(data_dir / "daily_sku_sales.parquet")
    sku = pd.read_parquet(data_dir / "sku_master.parquet")
    cal = pd.read_csv(data_dir / "retail_calendar.csv", parse_dates=["date"])
    df = tx.merge(sku, on="sku_id", how="left").merge(cal, on="date", how="left")
    df["store_sku"] = df["store_id"].astype(str) + "_" + df["sku_id"].astype(str)
    return df.sort_values(["store_sku", "date"]).reset_index(drop=True)


def history_features(df: pd.DataFrame) -> pd.DataFrame:
    g = df.groupby("store_sku")["qty"]
    for lag in (7, 14, 21, 28):
        df[f"lag_{lag}"] = g.shift(lag)
    df["rmean_7_28"] = g.transform(lambda s: s.shift(7).rolling(28, min_periods=7).mean())
    df["zero_share_28"] = g.transform(lambda s: s.shift(7).eq(0).rolling(28, min_periods=7).mean())
    df["dow"] = df["date"].dt.dayofweek
    df["discount"] = 1 - df["sell_price"] / df["regular_price"]
    return df


def encode_ids(df: pd.DataFrame, out_dir: Path) -> tuple[pd.DataFrame, list[str]]:
    enc = TargetEncoder(target_type="continuous", smooth="auto", random_state=SEED)
    encoded = enc.fit_transform(df[HIGH_CARD], df["qty"])
    te_cols = [f"te_{c}" for c in HIGH_CARD]
    df[te_cols] = encoded
    joblib.dump(enc, out_dir / "target_encoder.joblib")
    for c in LOW_CARD:
        df[c] = df[c].astype("category")
    return df, te_cols


def wrmsse_like(y, yhat, scale):
    return float(np.sqrt(np.mean(((y - yhat) / scale) ** 2)))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, default=Path("data/pilot"))
    ap.add_argument("--out-dir", type=Path, default=Path("artifacts/item_demand"))
    ap.add_argument("--test-days", type=int, default=28)
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)

    df = history_features(load(args.data_dir))
    df = df.dropna(subset=["lag_28"])
    df, te_cols = encode_ids(df, args.out_dir)

    features = LOW_CARD + te_cols + [
        "lag_7", "lag_14", "lag_21", "lag_28", "rmean_7_28", "zero_share_28",
        "dow", "discount", "is_promo", "is_holiday", "days_to_holiday",
    ]
    test_start = df["date"].max() - pd.Timedelta(days=args.test_days - 1)
    valid_start = test_start - pd.Timedelta(days=args.test_days)
    train = df[df["date"] < valid_start]
    valid = df[(df["date"] >= valid_start) & (df["date"] < test_start)]
    test = df[df["date"] >= test_start]

    params = dict(objective="poisson", learning_rate=0.05, num_leaves=255, min_data_in_leaf=100,
                  feature_fraction=0.7, bagging_fraction=0.7, bagging_freq=1, seed=SEED, verbose=-1)
    dtrain = lgb.Dataset(train[features], train["qty"])
    dvalid = lgb.Dataset(valid[features], valid["qty"], reference=dtrain)
    booster = lgb.train(params, dtrain, num_boost_round=3000, valid_sets=[dvalid],
                        callbacks=[lgb.early_stopping(100), lgb.log_evaluation(100)])

    pred = booster.predict(test[features], num_iteration=booster.best_iteration)
    scale = test["rmean_7_28"].clip(lower=0.5).to_numpy()
    results = {
        "lgbm": {"mae": mean_absolute_error(test["qty"], pred),
                 "scaled_rmse": wrmsse_like(test["qty"].to_numpy(), pred, scale)},
        "ma28": {"mae": mean_absolute_error(test["qty"], test["rmean_7_28"]),
                 "scaled_rmse": wrmsse_like(test["qty"].to_numpy(), test["rmean_7_28"].to_numpy(), scale)},
    }
    print(json.dumps(results, indent=2))
    booster.save_model(str(args.out_dir / "lgbm.txt"), num_iteration=booster.best_iteration)
    (args.out_dir / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
