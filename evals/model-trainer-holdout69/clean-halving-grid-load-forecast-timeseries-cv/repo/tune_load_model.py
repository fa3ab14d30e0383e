"""Day-ahead hourly load model for the campus substation.

Every feature is known at forecast time (lags >= 24h, calendar, weather forecast).
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.experimental import enable_halving_search_cv  # noqa: F401
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.model_selection import HalvingGridSearchCV, TimeSeriesSplit, train_test_split

SEED = 0
HORIZON = 24
OUT = Path("models/substation_load")


def build_features(path):
    df = pd.read_csv(path, parse_dates=["timestamp"]).sort_values("timestamp").set_index("timestamp")
    df = df.asfreq("h")
    df["load_mw"] = df["load_mw"].interpolate(limit=3)
    for lag in (24, 48, 168):
        df[f"lag_{lag}"] = df["load_mw"].shift(lag)
    df["roll_mean_24_lag24"] = df["load_mw"].shift(HORIZON).rolling(24).mean()
    df["roll_max_168_lag24"] = df["load_mw"].shift(HORIZON).rolling(168).max()
    df["hour"] = df.index.hour
    df["dow"] = df.index.dayofweek
    df["month"] = df.index.month
    df["is_holiday"] = df["is_holiday"].astype(int)
    return df.dropna()


df = build_features("data/substation_hourly.csv")
features = [c for c in df.columns if c != "load_mw"]
X, y = df[features], df["load_mw"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.1, shuffle=False)
print(f"train {X_train.index.min()} .. {X_train.index.max()}")
print(f"test  {X_test.index.min()} .. {X_test.index.max()}")

cv = TimeSeriesSplit(n_splits=5, gap=HORIZON, test_size=24 * 28)
grid = {
    "learning_rate": [0.03, 0.06, 0.1],
    "max_leaf_nodes": [15, 31, 63],
    "min_samples_leaf": [20, 60, 150],
    "l2_regularization": [0.0, 1.0],
}
search = HalvingGridSearchCV(
    HistGradientBoostingRegressor(loss="absolute_error", categorical_features=["dow", "month"],
                                  early_stopping=False, random_state=SEED),
    grid,
    resource="max_iter",
    min_resources=50,
    max_resources=800,
    factor=2,
    cv=cv,
    scoring="neg_mean_absolute_error",
    n_jobs=-1,
)
search.fit(X_train, y_train)
print("best:", search.best_params_, f"cv MAE {-search.best_score_:.3f} MW")

pred = search.best_estimator_.predict(X_test)
seasonal_naive = X_test["lag_168"].to_numpy()
yesterday = X_test["lag_24"].to_numpy()


def scores(y_true, y_hat):
    return {
        "mae": mean_absolute_error(y_true, y_hat),
        "rmse": float(np.sqrt(mean_squared_error(y_true, y_hat))),
        "mape": mean_absolute_percentage_error(y_true, y_hat),
    }


report = {"model": scores(y_test, pred), "naive_168h": scores(y_test, seasonal_naive),
          "naive_24h": scores(y_test, yesterday)}
print(pd.DataFrame(report).T.round(4))

OUT.mkdir(parents=True, exist_ok=True)
joblib.dump(search.best_estimator_, OUT / "hgb.joblib")
(OUT / "report.json").write_text(json.dumps({"params": search.best_params_, **report}, indent=2))
