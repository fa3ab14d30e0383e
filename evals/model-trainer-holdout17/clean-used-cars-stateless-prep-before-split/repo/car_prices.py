"""Used-car price regression.

All cleaning before the split is row-wise (parsing strings, fixed unit conversions, ratios,
fixed sanity bounds); nothing is estimated from the data until the training split exists.
"""
import argparse
import json
import re

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, RandomizedSearchCV, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

SEED = 1701
SNAPSHOT_YEAR = 2023  # listings were scraped in 2023
ENGINE_RE = re.compile(r"(\d+(?:\.\d+)?)\s*L", re.I)
CATEGORICAL = ["brand", "fuel_type", "transmission", "body_type", "drive"]
NUMERIC = ["car_age", "mileage_km", "km_per_year", "engine_l", "log_power_hp", "accident_free"]


def clean(raw: pd.DataFrame) -> pd.DataFrame:
    df = raw.copy()
    df["brand"] = df["brand"].str.strip().str.lower()
    df["mileage_km"] = df["milage"].str.replace(r"[^\d]", "", regex=True).astype(float) * 1.609
    df["engine_l"] = df["engine"].str.extract(ENGINE_RE, expand=False).astype(float)
    df["log_power_hp"] = np.log1p(df["engine"].str.extract(r"(\d+\.?\d*)HP", expand=False).astype(float))
    df["car_age"] = SNAPSHOT_YEAR - df["model_year"]
    df["km_per_year"] = df["mileage_km"] / df["car_age"].clip(lower=1)
    df["accident_free"] = (df["accident"] == "None reported").astype(int)
    df["log_price"] = np.log(df["price"])
    # fixed plausibility bounds, not data-driven quantiles
    df = df[df["price"].between(500, 500_000) & df["car_age"].between(0, 40)]
    return df.drop_duplicates()


def report(y_log, pred_log):
    y, p = np.exp(y_log), np.exp(pred_log)
    return {"mae": float(mean_absolute_error(y, p)),
            "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "r2_log": float(r2_score(y_log, pred_log))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/used_cars.csv")
    ap.add_argument("--n-iter", type=int, default=25)
    args = ap.parse_args()

    cars = clean(pd.read_csv(args.csv))
    X, y = cars[CATEGORICAL + NUMERIC], cars["log_price"]
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=SEED)

    enc = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                encoded_missing_value=-1, min_frequency=10), CATEGORICAL)],
        remainder="passthrough",
    )
    pipe = Pipeline([
        ("enc", enc),
        ("gbr", HistGradientBoostingRegressor(categorical_features=list(range(len(CATEGORICAL))),
                                              random_state=SEED)),
    ])
    space = {
        "gbr__learning_rate": [0.03, 0.05, 0.1],
        "gbr__max_leaf_nodes": [15, 31, 63],
        "gbr__min_samples_leaf": [10, 20, 50],
        "gbr__l2_regularization": [0.0, 0.5, 1.0],
        "gbr__max_iter": [300, 600],
    }
    search = RandomizedSearchCV(pipe, space, n_iter=args.n_iter, scoring="neg_mean_absolute_error",
                                cv=KFold(5, shuffle=True, random_state=SEED), random_state=SEED, n_jobs=-1)
    search.fit(X_tr, y_tr)

    median_model = DummyRegressor(strategy="median").fit(X_tr, y_tr)
    out = {
        "best_params": search.best_params_,
        "median_baseline": report(y_te, median_model.predict(X_te)),
        "hgb": report(y_te, search.predict(X_te)),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
