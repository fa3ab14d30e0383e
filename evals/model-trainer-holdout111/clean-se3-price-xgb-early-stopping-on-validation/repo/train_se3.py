"""Nord Pool SE3 day-ahead price model.

2018-2021 train, 2022 validation (early stopping), 2023 test.
Features: Svenska kraftnät consumption/wind forecasts, Nordic hydro reservoir filling,
German day-ahead price of D-1, calendar, lagged SE3 prices.
"""
import argparse
import json

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

SPLITS = {"train": ("2018-01-08", "2021-12-31"), "val": ("2022-01-01", "2022-12-31"), "test": ("2023-01-01", "2023-12-31")}
TARGET = "se3_price_eur"


def make_features(df):
    f = pd.DataFrame(index=df.index)
    f["cons_fc_mw"] = df["se3_consumption_forecast_mw"]
    f["wind_fc_mw"] = df["se3_wind_forecast_mw"]
    f["net_load_fc_mw"] = f["cons_fc_mw"] - f["wind_fc_mw"]
    f["hydro_fill_pct"] = df["nordic_reservoir_pct"].ffill()  # weekly NVE/Energiföretagen figure
    f["hydro_fill_dev"] = df["nordic_reservoir_pct"].ffill() - df["reservoir_median_2000_2017_pct"]
    f["de_price_d1"] = df["de_lu_price_eur"].shift(24)
    for lag in (24, 48, 168):
        f[f"price_lag_{lag}"] = df[TARGET].shift(lag)
    f["price_d1_std"] = df[TARGET].shift(24).rolling(24).std()
    f["hour"] = df.index.hour
    f["dow"] = df.index.dayofweek
    f["week"] = df.index.isocalendar().week.astype(int).to_numpy()
    f[TARGET] = df[TARGET]
    return f.dropna()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/se3_hourly.parquet")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    raw = pd.read_parquet(args.data).set_index("start_time_cet").sort_index()
    feats = make_features(raw)
    parts = {k: feats.loc[a:b] for k, (a, b) in SPLITS.items()}
    cols = [c for c in feats.columns if c != TARGET]
    X_tr, y_tr = parts["train"][cols], parts["train"][TARGET]
    X_val, y_val = parts["val"][cols], parts["val"][TARGET]
    X_te, y_te = parts["test"][cols], parts["test"][TARGET]

    model = xgb.XGBRegressor(
        n_estimators=5000,
        learning_rate=0.02,
        max_depth=6,
        min_child_weight=10,
        subsample=0.8,
        colsample_bytree=0.7,
        objective="reg:pseudohubererror",
        huber_slope=20.0,
        tree_method="hist",
        early_stopping_rounds=150,
        eval_metric="mae",
        random_state=args.seed,
    )
    model.fit(X_tr, y_tr, eval_set=[(X_tr, y_tr), (X_val, y_val)], verbose=250)
    print(f"stopped at {model.best_iteration} trees (val MAE {model.best_score:.2f})")

    pred = model.predict(X_te)
    metrics = {
        "val_mae": float(model.best_score),
        "test_mae": float(mean_absolute_error(y_te, pred)),
        "test_mae_naive_d1": float(mean_absolute_error(y_te, X_te["price_lag_24"])),
        "test_mae_naive_w1": float(mean_absolute_error(y_te, X_te["price_lag_168"])),
    }
    # errors are much larger in scarcity hours, report them separately
    spikes = y_te > np.percentile(y_tr, 99)
    metrics["test_mae_spikes"] = float(mean_absolute_error(y_te[spikes], pred[spikes.to_numpy()]))
    metrics["n_spike_hours"] = int(spikes.sum())
    print(json.dumps(metrics, indent=2))
    model.save_model("se3_xgb.json")


if __name__ == "__main__":
    main()
