"""Quarterly-ahead forecast of the monthly credit-card charge-off rate (stress-testing satellite model).

Ridge on lagged charge-off rates + macro drivers. Hyperparameters by expanding-window CV with a gap
equal to the forecast horizon; the last 24 months are held out and scored once.
"""
import argparse
import json

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

H = 3  # months ahead


def make_frame(path):
    s = pd.read_csv(path, parse_dates=["month"]).set_index("month").sort_index().asfreq("MS")
    f = pd.DataFrame(index=s.index)
    f["co_rate"] = s["net_charge_offs"] / s["avg_receivables"] * 12  # annualised
    for k in (1, 2, 3, 6, 12):
        f[f"co_lag{k}"] = f["co_rate"].shift(k)
    f["co_roll6"] = f["co_rate"].rolling(6).mean()
    f["unemp"] = s["unemployment_rate"]
    f["unemp_d3"] = s["unemployment_rate"].diff(3)
    f["claims_yoy"] = s["initial_claims"].pct_change(12)
    f["fed_funds"] = s["fed_funds_rate"]
    f["dsr"] = s["household_debt_service_ratio"]
    f["y"] = f["co_rate"].shift(-H)
    return f.dropna()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/card_portfolio_monthly.csv")
    ap.add_argument("--holdout-months", type=int, default=24)
    args = ap.parse_args()

    f = make_frame(args.data)
    feats = [c for c in f.columns if c != "y"]

    test = f.iloc[-args.holdout_months:]
    # drop the last H training rows: their targets fall inside the holdout period
    train = f.iloc[: -args.holdout_months - H]

    pipe = Pipeline([("sc", StandardScaler()), ("ridge", Ridge())])
    search = GridSearchCV(
        pipe,
        {"ridge__alpha": np.logspace(-3, 2, 16)},
        cv=TimeSeriesSplit(n_splits=5, gap=H),
        scoring="neg_mean_absolute_error",
    )
    search.fit(train[feats], train["y"])

    pred = search.predict(test[feats])
    out = {
        "alpha": float(search.best_params_["ridge__alpha"]),
        "cv_mae_bps": float(-search.best_score_ * 1e4),
        "holdout_mae_bps": float(mean_absolute_error(test["y"], pred) * 1e4),
        "persistence_mae_bps": float(mean_absolute_error(test["y"], test["co_rate"]) * 1e4),
        "train_period": f"{train.index.min():%Y-%m}..{train.index.max():%Y-%m}",
        "test_period": f"{test.index.min():%Y-%m}..{test.index.max():%Y-%m}",
    }
    print(json.dumps(out, indent=2))
    coefs = pd.Series(search.best_estimator_["ridge"].coef_, index=feats).sort_values()
    print(coefs.round(5).to_string())


if __name__ == "__main__":
    main()
