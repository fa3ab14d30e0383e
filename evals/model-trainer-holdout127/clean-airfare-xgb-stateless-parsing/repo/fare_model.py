#!/usr/bin/env python
"""Domestic airfare regression (MakeMyTrip scrape, Mar-Jun 2019).

usage: python fare_model.py --xlsx data/Data_Train.xlsx --folds 5
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder
from xgboost import XGBRegressor

STOPS = {"non-stop": 0, "1 stop": 1, "2 stops": 2, "3 stops": 3, "4 stops": 4}


def duration_minutes(s: str) -> int:
    h = int(s.split("h")[0]) if "h" in s else 0
    m = int(s.split("m")[0].split()[-1]) if "m" in s else 0
    return h * 60 + m


def parse(df: pd.DataFrame) -> pd.DataFrame:
    df = df.dropna(subset=["Route", "Total_Stops"]).copy()
    journey = pd.to_datetime(df["Date_of_Journey"], format="%d/%m/%Y")
    df["journey_dow"] = journey.dt.dayofweek
    df["journey_day"] = journey.dt.day
    df["journey_month"] = journey.dt.month
    dep = pd.to_datetime(df["Dep_Time"], format="%H:%M")
    df["dep_minute"] = dep.dt.hour * 60 + dep.dt.minute
    df["duration_min"] = df["Duration"].map(duration_minutes)
    df["stops"] = df["Total_Stops"].map(STOPS)
    df["info"] = df["Additional_Info"].str.lower().replace({"no info": "none"})
    df["log_price"] = np.log1p(df["Price"])
    return df.drop(columns=["Date_of_Journey", "Dep_Time", "Arrival_Time", "Duration",
                            "Total_Stops", "Additional_Info", "Route"])


CATS = ["Airline", "Source", "Destination", "info"]
NUMS = ["journey_dow", "journey_day", "journey_month", "dep_minute", "duration_min", "stops"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xlsx", default="data/Data_Train.xlsx")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    df = parse(pd.read_excel(args.xlsx))
    X, y = df[CATS + NUMS], df["log_price"]
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=args.seed)

    model = Pipeline([
        ("enc", ColumnTransformer(
            [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATS)],
            remainder="passthrough")),
        ("xgb", XGBRegressor(n_estimators=900, learning_rate=0.04, max_depth=8, subsample=0.85,
                             colsample_bytree=0.8, min_child_weight=3, random_state=args.seed)),
    ])
    cv = KFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
    cv_mae = -cross_val_score(model, X_tr, y_tr, cv=cv, scoring="neg_mean_absolute_error")
    print(f"CV MAE (log-price): {cv_mae.mean():.4f} ± {cv_mae.std():.4f}")

    model.fit(X_tr, y_tr)
    pred = np.expm1(model.predict(X_te))
    truth = np.expm1(y_te)
    print(f"test MAE  INR {mean_absolute_error(truth, pred):,.0f}")
    print(f"test MAPE {mean_absolute_percentage_error(truth, pred):.2%}")


if __name__ == "__main__":
    main()
