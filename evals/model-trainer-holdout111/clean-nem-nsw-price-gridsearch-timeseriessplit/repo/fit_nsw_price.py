"""NSW1 spot price, rolling 24 h ahead (AEMO price & demand + PREDISPATCH forecasts).

Usage: python fit_nsw_price.py --data data/nsw1_2019_2023.csv --test-from 2023-07-01
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.impute import SimpleImputer
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

# *_fc columns: PREDISPATCH / BoM forecast runs issued >= 24 h before the interval, joined in the extract
NUM = ["pd_demand_fc_mw", "pd_rooftop_pv_fc_mw", "bom_temp_fc_syd_c", "demand_lag_48",
       "rrp_lag_48", "rrp_lag_336", "rrp_roll_med_336"]
CAT = ["period", "dow", "month"]


def load(path):
    df = pd.read_csv(path, parse_dates=["SETTLEMENTDATE"])
    df = df[df["REGION"] == "NSW1"].set_index("SETTLEMENTDATE").sort_index()
    # AEMO timestamps mark the END of the interval
    df.index = df.index - pd.Timedelta(minutes=30)
    df = df.asfreq("30min")
    df["demand_lag_48"] = df["TOTALDEMAND"].shift(48)
    df["rrp_lag_48"] = df["RRP"].shift(48)
    df["rrp_lag_336"] = df["RRP"].shift(336)
    df["rrp_roll_med_336"] = df["RRP"].shift(48).rolling(336, min_periods=200).median()
    df["period"] = df.index.hour * 2 + df.index.minute // 30
    df["dow"] = df.index.dayofweek
    df["month"] = df.index.month
    # price cap events and negative prices are real; only clip the few data errors
    df["target"] = df["RRP"].clip(-1000, 16600)
    return df.dropna(subset=["target", "rrp_lag_336"])


def build_pipeline(seed):
    pre = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
    ], sparse_threshold=0.0)
    return Pipeline([
        ("pre", pre),
        ("hgb", HistGradientBoostingRegressor(loss="absolute_error", random_state=seed)),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/nsw1_2019_2023.csv")
    ap.add_argument("--test-from", default="2023-07-01")
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--n-jobs", type=int, default=4)
    args = ap.parse_args()

    df = load(args.data)
    train = df[df.index < args.test_from]
    test = df[df.index >= args.test_from]
    X_tr, y_tr = train[NUM + CAT], train["target"]
    X_te, y_te = test[NUM + CAT], test["target"]

    grid = {
        "hgb__learning_rate": [0.03, 0.08],
        "hgb__max_leaf_nodes": [31, 63],
        "hgb__min_samples_leaf": [40, 200],
        "hgb__l2_regularization": [0.0, 1.0],
    }
    search = GridSearchCV(
        build_pipeline(args.seed), grid,
        cv=TimeSeriesSplit(n_splits=5, gap=48),
        scoring="neg_mean_absolute_error",
        n_jobs=args.n_jobs, verbose=1,
    )
    search.fit(X_tr, y_tr)
    print("best params:", search.best_params_)
    print(f"CV MAE: {-search.best_score_:.2f} $/MWh")

    pred = search.predict(X_te)
    report = {
        "best_params": search.best_params_,
        "cv_mae": float(-search.best_score_),
        "test_mae": float(mean_absolute_error(y_te, pred)),
        "test_medae": float(median_absolute_error(y_te, pred)),
        "test_mae_naive_d1": float(mean_absolute_error(y_te, test["rrp_lag_48"])),
        "test_mae_below_300": float(mean_absolute_error(y_te[y_te < 300], pred[(y_te < 300).to_numpy()])),
    }
    print(json.dumps(report, indent=2))
    with open("nsw_price_report.json", "w") as f:
        json.dump(report, f, indent=2)


if __name__ == "__main__":
    main()
