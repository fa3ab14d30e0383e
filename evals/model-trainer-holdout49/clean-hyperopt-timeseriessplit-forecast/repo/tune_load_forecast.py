"""Hyperopt search for the day-ahead feeder load model.

Folds come from TimeSeriesSplit over the chronologically sorted development
period; the final 8 weeks are held back and evaluated once at the end.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from hyperopt import STATUS_OK, Trials, fmin, hp, space_eval, tpe
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit, train_test_split
from xgboost import XGBRegressor

SEED = 404
HORIZON = 24

SPACE = {
    "max_depth": hp.choice("max_depth", [3, 4, 5, 6, 8]),
    "n_estimators": hp.choice("n_estimators", [300, 600, 1000, 1500]),
    "learning_rate": hp.loguniform("learning_rate", np.log(0.01), np.log(0.2)),
    "min_child_weight": hp.loguniform("min_child_weight", 0, np.log(30)),
    "subsample": hp.uniform("subsample", 0.6, 1.0),
    "colsample_bytree": hp.uniform("colsample_bytree", 0.5, 1.0),
    "gamma": hp.loguniform("gamma", np.log(1e-3), np.log(5)),
}


def build_frame(raw):
    df = raw.sort_values("timestamp").set_index("timestamp").asfreq("h")
    df["load_mw"] = df["load_mw"].interpolate(limit=3)
    for lag in (HORIZON, HORIZON + 1, 48, 168):
        df[f"lag_{lag}"] = df["load_mw"].shift(lag)
    df["roll_mean_168"] = df["load_mw"].shift(HORIZON).rolling(168).mean()
    df["hour"] = df.index.hour
    df["dow"] = df.index.dayofweek
    df["temp_forecast"] = df["temp_forecast_c"]
    df["cdd"] = (df["temp_forecast_c"] - 18).clip(lower=0)
    df["hdd"] = (15 - df["temp_forecast_c"]).clip(lower=0)
    return df.dropna()


def cv_mae(params, X, y, n_splits):
    tscv = TimeSeriesSplit(n_splits=n_splits, gap=HORIZON)
    maes = []
    for tr_idx, va_idx in tscv.split(X):
        model = XGBRegressor(tree_method="hist", random_state=SEED, **params)
        model.fit(X.iloc[tr_idx], y.iloc[tr_idx])
        maes.append(mean_absolute_error(y.iloc[va_idx], model.predict(X.iloc[va_idx])))
    return float(np.mean(maes)), float(np.std(maes))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/feeder_17_hourly.csv")
    ap.add_argument("--max-evals", type=int, default=60)
    ap.add_argument("--out", default="artifacts/feeder_17")
    args = ap.parse_args()

    frame = build_frame(pd.read_csv(args.data, parse_dates=["timestamp"]))
    features = [c for c in frame.columns if c not in ("load_mw", "temp_forecast_c")]
    X_dev, X_hold, y_dev, y_hold = train_test_split(
        frame[features], frame["load_mw"], test_size=24 * 7 * 8, shuffle=False
    )

    trials = Trials()

    def objective(params):
        mae, std = cv_mae(params, X_dev, y_dev, n_splits=5)
        return {"loss": mae, "status": STATUS_OK, "mae_std": std}

    best = space_eval(SPACE, fmin(objective, SPACE, algo=tpe.suggest, max_evals=args.max_evals,
                                  trials=trials, rstate=np.random.default_rng(SEED)))
    print("best params:", best)

    n_fit = int(len(X_dev) * 0.9)
    final_params = {**best, "n_estimators": 3000}
    model = XGBRegressor(early_stopping_rounds=50, tree_method="hist",
                         random_state=SEED, **final_params)
    model.fit(X_dev.iloc[:n_fit], y_dev.iloc[:n_fit],
              eval_set=[(X_dev.iloc[n_fit:], y_dev.iloc[n_fit:])], verbose=False)

    pred = model.predict(X_hold)
    naive = X_hold["lag_168"]
    report = {
        "holdout_mae": mean_absolute_error(y_hold, pred),
        "holdout_rmse": float(np.sqrt(mean_squared_error(y_hold, pred))),
        "weekly_naive_mae": mean_absolute_error(y_hold, naive),
        "weekly_naive_rmse": float(np.sqrt(mean_squared_error(y_hold, naive))),
        "best_iteration": int(model.best_iteration),
        "params": best,
    }
    print(json.dumps(report, indent=2, default=float))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "xgb.json")
    (out / "report.json").write_text(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
