"""Soybean field-yield forecast, evaluated by forward chaining over seasons.

For every test season Y the models are trained only on seasons < Y, which
mirrors how the forecast is produced operationally in August of season Y.
"""
import json
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import add_history, add_season_weather

FEATURES = [
    "yield_lag1", "yield_lag2", "yield_hist_mean", "years_observed",
    "planting_doy", "late_planting", "gdd_may_aug", "precip_jun_mm", "precip_jul_aug_mm",
    "water_balance_jul_aug", "hot_days_aug", "ndvi_peak_jul", "clay_pct", "awc_mm", "om_pct",
]


def metrics(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))),
            "mae": float(mean_absolute_error(y, p)),
            "r2": float(r2_score(y, p))}


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed, target = cfg["seed"], cfg["target"]
    np.random.seed(seed)

    df = pd.read_parquet(cfg["data"]["fields"]).merge(
        pd.read_parquet(cfg["data"]["weather"]), on=["field_id", "year"], how="left")
    df = df.sort_values(["field_id", "year"]).reset_index(drop=True)
    df = add_season_weather(add_history(df, target))
    df = df.dropna(subset=["yield_lag1", "yield_lag2"]).reset_index(drop=True)

    rows = []
    ev = cfg["evaluation"]
    for test_year in range(ev["first_test_year"], ev["last_test_year"] + 1):
        train = df[df["year"] < test_year]
        test = df[df["year"] == test_year]
        X_tr, y_tr = train[FEATURES].fillna(train[FEATURES].median()), train[target]
        X_te, y_te = test[FEATURES].fillna(train[FEATURES].median()), test[target]

        gbm = lgb.LGBMRegressor(**cfg["lgbm"], random_state=seed, verbose=-1).fit(X_tr, y_tr)
        ridge = make_pipeline(StandardScaler(), Ridge(alpha=10.0)).fit(X_tr, y_tr)

        preds = {
            "lightgbm": gbm.predict(X_te),
            "ridge": ridge.predict(X_te),
            "persistence": test["yield_lag1"].to_numpy(),
            "field_mean": test["yield_hist_mean"].fillna(test["yield_lag1"]).to_numpy(),
        }
        for name, p in preds.items():
            rows.append({"test_year": test_year, "model": name, "n": len(test), **metrics(y_te, p)})
        print(f"{test_year}: train {len(train)} rows ({train.year.min()}-{train.year.max()}), test {len(test)}")

    res = pd.DataFrame(rows)
    summary = res.groupby("model")[["rmse", "mae", "r2"]].mean().sort_values("rmse")
    print(summary.round(3))
    out = Path("reports")
    out.mkdir(exist_ok=True)
    res.to_csv(out / "forward_chaining_by_year.csv", index=False)
    (out / "forward_chaining_summary.json").write_text(json.dumps(summary.round(4).to_dict(orient="index"), indent=2))


if __name__ == "__main__":
    main(*sys.argv[1:])
