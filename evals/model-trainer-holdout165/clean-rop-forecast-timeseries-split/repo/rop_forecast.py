"""30-second-ahead ROP forecast from real-time surface drilling data (12 1/4" section)."""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import ParameterGrid, TimeSeriesSplit, train_test_split

HORIZON = 3          # steps of 10 s
CHANNELS = ["HOLE_DEPTH", "WOB", "RPM", "TORQUE", "SPP", "FLOW_IN", "HKLD", "ROP"]
GRID = {"learning_rate": [0.03, 0.1], "max_leaf_nodes": [15, 31], "l2_regularization": [0.0, 1.0]}


def build_features(rt: pd.DataFrame) -> pd.DataFrame:
    on_bottom = (rt["HOLE_DEPTH"] - rt["BIT_DEPTH"]).abs() < 0.5
    d = rt.loc[on_bottom & (rt["WOB"] > 0.5), CHANNELS].resample("10s").mean().dropna()
    for lag in (1, 2, 3, 6, 12):
        d[f"ROP_lag{lag}"] = d["ROP"].shift(lag)
    d["ROP_mean_2min"] = d["ROP"].shift(1).rolling(12).mean()
    d["WOB_x_RPM"] = d["WOB"] * d["RPM"]
    d["target"] = d["ROP"].shift(-HORIZON)
    return d.dropna()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/well_F9A_12in_section_rt.csv")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rt = pd.read_csv(args.csv, parse_dates=["TIME"]).sort_values("TIME").set_index("TIME")
    d = build_features(rt)
    X, y = d.drop(columns=["target", "ROP"]), d["target"]

    X_dev, X_hold, y_dev, y_hold = train_test_split(X, y, test_size=0.2, shuffle=False)
    print(f"dev until {X_dev.index.max()}, hold-out from {X_hold.index.min()}")

    tscv = TimeSeriesSplit(n_splits=5, gap=2 * HORIZON)
    best_params, best_mae = None, np.inf
    for params in ParameterGrid(GRID):
        maes = []
        for tr, va in tscv.split(X_dev):
            m = HistGradientBoostingRegressor(max_iter=400, random_state=args.seed, **params)
            m.fit(X_dev.iloc[tr], y_dev.iloc[tr])
            maes.append(mean_absolute_error(y_dev.iloc[va], m.predict(X_dev.iloc[va])))
        if np.mean(maes) < best_mae:
            best_params, best_mae = params, float(np.mean(maes))
    print("best params", best_params, f"CV MAE {best_mae:.2f} m/h")

    final = HistGradientBoostingRegressor(max_iter=400, random_state=args.seed, **best_params)
    final.fit(X_dev, y_dev)
    pred = final.predict(X_hold)
    persistence = X_hold["ROP_lag1"]
    out = {
        "holdout_mae": mean_absolute_error(y_hold, pred),
        "holdout_r2": r2_score(y_hold, pred),
        "persistence_mae": mean_absolute_error(y_hold, persistence),
        "params": best_params,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
