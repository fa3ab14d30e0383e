"""Global LightGBM model for daily unit sales across all store/item pairs.

Usage:
    python train.py --data-dir data/favorita --out-dir artifacts/lgbm_daily
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split

SEED = 42
LAGS = [7, 14, 28, 364]
WINDOWS = [7, 28]
CATEGORICALS = ["store_nbr", "item_nbr", "family", "store_type"]


def load_sales(data_dir: Path) -> pd.DataFrame:
    sales = pd.read_csv(data_dir / "train.csv", parse_dates=["date"])
    items = pd.read_csv(data_dir / "items.csv")
    stores = pd.read_csv(data_dir / "stores.csv")
    df = sales.merge(items, on="item_nbr", how="left").merge(stores, on="store_nbr", how="left")
    df["unit_sales"] = df["unit_sales"].clip(lower=0)
    df["onpromotion"] = df["onpromotion"].fillna(False).astype(int)
    for col in ["family", "store_type"]:
        df[col] = df[col].astype("category")
    return df.sort_values(["store_nbr", "item_nbr", "date"]).reset_index(drop=True)


def add_calendar(df: pd.DataFrame, holidays: pd.DataFrame) -> pd.DataFrame:
    df["dow"] = df["date"].dt.dayofweek
    df["dom"] = df["date"].dt.day
    df["month"] = df["date"].dt.month
    df["weekofyear"] = df["date"].dt.isocalendar().week.astype(int)
    df["payday"] = ((df["dom"] == 15) | df["date"].dt.is_month_end).astype(int)
    national = holidays.loc[holidays["locale"] == "National", "date"]
    df["is_holiday"] = df["date"].isin(national).astype(int)
    return df


def add_lag_features(df: pd.DataFrame) -> pd.DataFrame:
    grp = df.groupby(["store_nbr", "item_nbr"], observed=True)["unit_sales"]
    for lag in LAGS:
        df[f"lag_{lag}"] = grp.shift(lag)
    for window in WINDOWS:
        df[f"roll_mean_{window}"] = grp.transform(
            lambda s: s.shift(7).rolling(window, min_periods=1).mean()
        )
    df["promo_roll_14"] = df.groupby(["store_nbr", "item_nbr"])["onpromotion"].transform(
        lambda s: s.rolling(14, min_periods=1).sum()
    )
    return df


def wape(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    return float(np.abs(y_true - y_pred).sum() / np.abs(y_true).sum())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, default=Path("data/favorita"))
    parser.add_argument("--out-dir", type=Path, default=Path("artifacts/lgbm_daily"))
    parser.add_argument("--num-rounds", type=int, default=1200)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)

    holidays = pd.read_csv(args.data_dir / "holidays_events.csv", parse_dates=["date"])
    holidays = holidays[~holidays["transferred"]]

    df = load_sales(args.data_dir)
    df = add_calendar(df, holidays)
    df = add_lag_features(df)
    df = df.dropna(subset=[f"lag_{lag}" for lag in LAGS[:3]])

    features = CATEGORICALS + [
        "onpromotion", "dow", "dom", "month", "weekofyear", "payday", "is_holiday",
        *[f"lag_{lag}" for lag in LAGS],
        *[f"roll_mean_{w}" for w in WINDOWS],
        "promo_roll_14",
    ]
    X = df[features]
    y = np.log1p(df["unit_sales"])

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=SEED
    )

    params = {
        "objective": "tweedie",
        "tweedie_variance_power": 1.2,
        "learning_rate": 0.05,
        "num_leaves": 127,
        "min_data_in_leaf": 200,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "lambda_l2": 1.0,
        "seed": SEED,
        "verbose": -1,
    }
    train_set = lgb.Dataset(X_train, y_train, categorical_feature=CATEGORICALS)
    model = lgb.train(params, train_set, num_boost_round=args.num_rounds)

    pred = np.expm1(model.predict(X_test))
    actual = np.expm1(y_test.values)
    naive = X_test["lag_7"].values

    metrics = {
        "mae": mean_absolute_error(actual, pred),
        "rmse": float(np.sqrt(mean_squared_error(actual, pred))),
        "wape": wape(actual, pred),
        "seasonal_naive_wape": wape(actual, naive),
    }
    print(json.dumps(metrics, indent=2))

    model.save_model(str(args.out_dir / "model.txt"))
    (args.out_dir / "metrics.json").write_text(json.dumps(metrics, indent=2))
    (args.out_dir / "features.json").write_text(json.dumps(features))


if __name__ == "__main__":
    main()
