"""Direct 16-day-ahead XGBoost model for Store Sales (GPU)."""
import argparse

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

from features import add_calendar, add_lags, encode, load_frames

DROP = ["id", "date", "sales", "log_sales"]


def rmsle_from_log(y_log, p_log):
    return float(np.sqrt(mean_squared_error(y_log, np.clip(p_log, 0, None))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    full = load_frames(cfg["data_dir"])
    full = add_calendar(full)
    full = add_lags(full, cfg["lags"], cfg["rolling_windows"])
    full = encode(full)

    is_test = full["sales"].isna()
    train = full[~is_test & (full["date"] >= "2015-01-01")].reset_index(drop=True)
    test = full[is_test].reset_index(drop=True)
    features = [c for c in train.columns if c not in DROP]
    X, y = train[features], train["log_sales"]

    xgb_params = dict(cfg["xgb"])
    es_rounds = xgb_params.pop("early_stopping_rounds")
    kf = KFold(**cfg["cv"], random_state=cfg["seed"])

    oof = np.zeros(len(train))
    test_pred = np.zeros(len(test))
    for fold, (tr_idx, va_idx) in enumerate(kf.split(X)):
        model = xgb.XGBRegressor(
            **xgb_params, early_stopping_rounds=es_rounds, random_state=cfg["seed"]
        )
        model.fit(
            X.iloc[tr_idx], y.iloc[tr_idx],
            eval_set=[(X.iloc[va_idx], y.iloc[va_idx])],
            verbose=500,
        )
        oof[va_idx] = model.predict(X.iloc[va_idx])
        test_pred += model.predict(test[features]) / kf.get_n_splits()
        print(f"fold {fold}: rmsle={rmsle_from_log(y.iloc[va_idx], oof[va_idx]):.4f}")

    naive = train["lag_364"].fillna(train["roll_mean_28"]).fillna(0.0)
    print(f"seasonal naive RMSLE {rmsle_from_log(y, naive):.4f}")
    print(f"xgb OOF        RMSLE {rmsle_from_log(y, oof):.4f}")
    mae = mean_absolute_error(np.expm1(y), np.expm1(np.clip(oof, 0, None)))
    print(f"xgb OOF        MAE   {mae:.2f}")

    sub = pd.DataFrame({"id": test["id"].astype(int),
                        "sales": np.expm1(np.clip(test_pred, 0, None))})
    sub.to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
