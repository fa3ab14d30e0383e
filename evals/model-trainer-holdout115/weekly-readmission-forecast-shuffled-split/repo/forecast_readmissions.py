"""Forecast next-week 30-day readmission counts per hospital for the care-transitions team.

Input: weekly panel produced by the warehouse job (one row per hospital per ISO week).
Target: readmissions attributed to discharges in week t+1.
"""
import argparse

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import train_test_split

LAGS = [1, 2, 3, 4, 8, 13, 52]


def make_features(panel: pd.DataFrame) -> pd.DataFrame:
    panel = panel.sort_values(["hospital_id", "week_start"]).copy()
    g = panel.groupby("hospital_id")
    for k in LAGS:
        panel[f"readmits_lag{k}"] = g["readmits"].shift(k)
        panel[f"discharges_lag{k}"] = g["discharges"].shift(k)
    panel["readmits_roll4"] = g["readmits"].transform(lambda s: s.shift(1).rolling(4).mean())
    panel["readmits_roll13"] = g["readmits"].transform(lambda s: s.shift(1).rolling(13).mean())
    panel["hf_share_lag1"] = g["hf_discharges"].shift(1) / g["discharges"].shift(1)
    panel["week_of_year"] = panel["week_start"].dt.isocalendar().week.astype(int)
    panel["flu_season"] = panel["week_of_year"].isin(list(range(40, 53)) + list(range(1, 14))).astype(int)
    panel["target_next_week"] = g["readmits"].shift(-1)
    return panel.dropna()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--panel", default="data/weekly_hospital_panel.parquet")
    ap.add_argument("--model-out", default="models/readmit_forecast.lgb.pkl")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    panel = pd.read_parquet(args.panel)
    panel["week_start"] = pd.to_datetime(panel["week_start"])
    data = make_features(panel)

    feature_cols = [c for c in data.columns if c.startswith(("readmits_", "discharges_", "hf_share"))]
    feature_cols += ["week_of_year", "flu_season", "licensed_beds", "teaching_hospital"]
    X = data[feature_cols]
    y = data["target_next_week"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, random_state=args.seed
    )

    model = lgb.LGBMRegressor(
        objective="poisson",
        n_estimators=800,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=30,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=args.seed,
        verbose=-1,
    )
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    mae = mean_absolute_error(y_test, pred)
    mape = mean_absolute_percentage_error(y_test.clip(lower=1), pred)
    naive = mean_absolute_error(y_test, X_test["readmits_lag1"])
    print(f"MAE {mae:.2f}  MAPE {mape:.1%}  (naive last-week MAE {naive:.2f})")

    joblib.dump({"model": model, "features": feature_cols}, args.model_out)


if __name__ == "__main__":
    main()
