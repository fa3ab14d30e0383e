"""Next-day ICU occupancy forecast from the ADT-derived daily census.

The census table has one row per unit per calendar day with the midnight headcount,
admissions, discharges and elective surgical bookings for the following day.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import KFold

SEED = 7
LAGS = [1, 2, 3, 7, 14]


def load_census(path: Path, unit: str) -> pd.DataFrame:
    census = pd.read_csv(path, parse_dates=["date"])
    census = census[census["careunit"] == unit].sort_values("date").set_index("date")
    census = census.asfreq("D")
    census["occupied_beds"] = census["occupied_beds"].interpolate(limit=2)
    return census


def make_features(census: pd.DataFrame) -> pd.DataFrame:
    df = pd.DataFrame(index=census.index)
    df["target"] = census["occupied_beds"].shift(-1)
    for lag in LAGS:
        df[f"beds_lag{lag}"] = census["occupied_beds"].shift(lag - 1)
    df["beds_roll7"] = census["occupied_beds"].rolling(7).mean()
    df["beds_roll28"] = census["occupied_beds"].rolling(28).mean()
    df["admits_roll7"] = census["admissions"].rolling(7).sum()
    df["discharges_roll7"] = census["discharges"].rolling(7).sum()
    df["elective_next_day"] = census["elective_bookings_next_day"]
    df["dow"] = df.index.dayofweek
    df["month"] = df.index.month
    df["is_holiday_next_day"] = census["is_holiday"].shift(-1).fillna(0)
    return df.dropna()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--census", default="data/adt_daily_census.csv")
    parser.add_argument("--unit", default="MICU")
    parser.add_argument("--out", default="reports/census_forecast.json")
    args = parser.parse_args()

    census = load_census(Path(args.census), args.unit)
    data = make_features(census)
    feature_cols = [c for c in data.columns if c != "target"]
    X = data[feature_cols].to_numpy()
    y = data["target"].to_numpy()
    print(f"{args.unit}: {len(data)} days from {data.index.min():%Y-%m-%d} to {data.index.max():%Y-%m-%d}")

    params = dict(
        n_estimators=500,
        learning_rate=0.03,
        max_depth=4,
        subsample=0.8,
        colsample_bytree=0.8,
        objective="reg:squarederror",
        random_state=SEED,
    )

    cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
    fold_scores = []
    for fold, (tr, te) in enumerate(cv.split(X)):
        model = xgb.XGBRegressor(**params)
        model.fit(X[tr], y[tr])
        pred = model.predict(X[te])
        naive = X[te, feature_cols.index("beds_lag1")]
        fold_scores.append(
            {
                "fold": fold,
                "mae": mean_absolute_error(y[te], pred),
                "rmse": mean_squared_error(y[te], pred) ** 0.5,
                "mae_persistence": mean_absolute_error(y[te], naive),
            }
        )
        print(fold_scores[-1])

    summary = {k: float(np.mean([s[k] for s in fold_scores])) for k in ("mae", "rmse", "mae_persistence")}
    print("mean over folds:", summary)

    final = xgb.XGBRegressor(**params).fit(X, y)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    final.save_model(Path(args.out).with_suffix(".ubj"))
    with open(args.out, "w") as f:
        json.dump({"unit": args.unit, "folds": fold_scores, "summary": summary}, f, indent=2)


if __name__ == "__main__":
    main()
