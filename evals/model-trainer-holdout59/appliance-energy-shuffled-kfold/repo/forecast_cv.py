"""10-minute-ahead appliance load forecasting (Candanedo et al., 2017 dataset).

Compares a persistence forecast, ridge regression and LightGBM with lag features.
Results: results/forecast_cv.csv and a LaTeX table for Chapter 4.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import tomli
from lightgbm import LGBMRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import add_calendar, add_lags, load_energy


def scores(y_true, y_pred):
    return {
        "MAE": mean_absolute_error(y_true, y_pred),
        "RMSE": np.sqrt(mean_squared_error(y_true, y_pred)),
        "R2": r2_score(y_true, y_pred),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--params", default="params.toml")
    parser.add_argument("--out", default="results")
    args = parser.parse_args()
    with open(args.params, "rb") as f:
        p = tomli.load(f)

    target = p["data"]["target"]
    df = add_lags(add_calendar(load_energy(p["data"]["path"])), target, p["data"]["lags"], p["data"]["rolling_windows"])
    X = df.drop(columns=[target])
    y = df[target].values
    print(f"{len(df)} samples from {df.index.min()} to {df.index.max()}, {X.shape[1]} features")

    cv = KFold(n_splits=p["cv"]["n_splits"], shuffle=True, random_state=p["cv"]["seed"])
    rows = []
    for fold, (tr, te) in enumerate(cv.split(X)):
        X_tr, X_te, y_tr, y_te = X.iloc[tr], X.iloc[te], y[tr], y[te]

        rows.append({"fold": fold, "model": "Persistence", **scores(y_te, X_te[f"{target}_lag1"].values)})

        ridge = make_pipeline(StandardScaler(), Ridge(alpha=1.0)).fit(X_tr, y_tr)
        rows.append({"fold": fold, "model": "Ridge", **scores(y_te, ridge.predict(X_te))})

        gbm = LGBMRegressor(**p["lightgbm"], random_state=p["cv"]["seed"], verbose=-1)
        gbm.fit(X_tr, np.log1p(y_tr))
        rows.append({"fold": fold, "model": "LightGBM", **scores(y_te, np.expm1(gbm.predict(X_te)))})
        print(rows[-3:])

    res = pd.DataFrame(rows)
    summary = res.groupby("model")[["MAE", "RMSE", "R2"]].agg(["mean", "std"]).round(3)
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    res.to_csv(out / "forecast_cv.csv", index=False)
    summary.to_latex(out / "forecast_cv.tex")
    print(summary)


if __name__ == "__main__":
    main()
