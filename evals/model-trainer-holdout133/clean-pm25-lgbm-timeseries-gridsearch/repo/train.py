"""6-hour-ahead PM2.5 for the Kraków monitoring network (GIOŚ)."""
import json

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit

from features import lag_features, make_target, time_features

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)

H = cfg["horizon"]
df = pd.read_csv(cfg["data"], parse_dates=["time"])
df = df[df["site"].isin(cfg["sites"])]
df = time_features(lag_features(df))
df = make_target(df, H)
df["site"] = df["site"].astype("category")
target = f"y_h{H}"
df = df.dropna(subset=[target, "pm25", "pm25_l24"])

# TimeSeriesSplit assumes rows are in time order
df = df.sort_values(["time", "site"]).reset_index(drop=True)
feats = [c for c in df.columns if c not in ("time", "pm25", target)]

test_mask = df["time"] >= cfg["test_start"]
train, test = df[~test_mask], df[test_mask]
print("train", train["time"].min(), "->", train["time"].max(), "| test", test["time"].min(), "->", test["time"].max())

n_sites = df["site"].nunique()
cv = TimeSeriesSplit(n_splits=cfg["cv_splits"], gap=H * n_sites)

base = lgb.LGBMRegressor(
    n_estimators=cfg["n_estimators"],
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=cfg["seed"],
    verbose=-1,
)
search = GridSearchCV(
    base,
    param_grid=cfg["grid"],
    cv=cv,
    scoring="neg_mean_absolute_error",
    n_jobs=-1,
    refit=True,
)
search.fit(train[feats], train[target])
print("best params:", search.best_params_, "cv MAE:", round(-search.best_score_, 2))

pred = search.best_estimator_.predict(test[feats])
res = {
    "test_mae": mean_absolute_error(test[target], pred),
    "test_rmse": float(np.sqrt(mean_squared_error(test[target], pred))),
    "persistence_mae": mean_absolute_error(test[target], test["pm25"]),
    "best_params": search.best_params_,
}
print(json.dumps(res, indent=2, default=str))
joblib.dump(search.best_estimator_, "lgbm_pm25_h6.joblib")
