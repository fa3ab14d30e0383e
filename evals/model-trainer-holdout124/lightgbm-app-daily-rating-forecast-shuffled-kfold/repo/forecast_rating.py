"""Forecast tomorrow's average star rating for each app from its daily review aggregates.

Used by the release-health dashboard: a forecast drop > 0.3 stars pages the app's on-call PM.
Input: data/app_reviews.parquet, one row per store review.
"""
import json

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import KFold, cross_val_score

SEED = 11
LAGS = (1, 2, 3, 7, 14)

reviews = pd.read_parquet(
    "data/app_reviews.parquet",
    columns=["app_id", "review_date", "rating", "review_text", "app_version"],
)
reviews["review_date"] = pd.to_datetime(reviews["review_date"]).dt.normalize()
reviews["text_len"] = reviews["review_text"].fillna("").str.len()

daily = (
    reviews.groupby(["app_id", "review_date"])
    .agg(
        avg_rating=("rating", "mean"),
        n_reviews=("rating", "size"),
        share_1star=("rating", lambda s: (s == 1).mean()),
        avg_len=("text_len", "mean"),
        n_versions=("app_version", "nunique"),
    )
    .reset_index()
    .sort_values(["app_id", "review_date"])
    .reset_index(drop=True)
)

# features known at the end of day t, target is the average rating on day t+1
g = daily.groupby("app_id")
for lag in LAGS:
    daily[f"rating_lag{lag}"] = g["avg_rating"].shift(lag)
daily["rating_roll7"] = g["avg_rating"].transform(lambda s: s.rolling(7, min_periods=3).mean())
daily["rating_roll28"] = g["avg_rating"].transform(lambda s: s.rolling(28, min_periods=7).mean())
daily["volume_roll7"] = g["n_reviews"].transform(lambda s: s.rolling(7, min_periods=3).mean())
daily["volume_ratio"] = daily["n_reviews"] / daily["volume_roll7"]
daily["dow"] = daily["review_date"].dt.dayofweek
daily["target"] = g["avg_rating"].shift(-1)

FEATURES = (
    ["avg_rating", "n_reviews", "share_1star", "avg_len", "n_versions",
     "rating_roll7", "rating_roll28", "volume_roll7", "volume_ratio", "dow"]
    + [f"rating_lag{lag}" for lag in LAGS]
)
data = daily.dropna(subset=["target", "rating_lag7", "rating_roll7"])
X, y = data[FEATURES], data["target"]
print(f"{len(data)} app-days, {data['app_id'].nunique()} apps, "
      f"{data['review_date'].min():%Y-%m-%d} .. {data['review_date'].max():%Y-%m-%d}")

model = lgb.LGBMRegressor(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=SEED,
    verbose=-1,
)

cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
cv_mae = -cross_val_score(model, X, y, cv=cv, scoring="neg_mean_absolute_error")
persistence_mae = mean_absolute_error(y, X["avg_rating"])  # "tomorrow = today"
print(f"LightGBM CV MAE: {cv_mae.mean():.4f} +/- {cv_mae.std():.4f}")
print(f"persistence MAE: {persistence_mae:.4f}")

model.fit(X, y)
joblib.dump(model, "models/rating_forecast_lgbm.joblib")
with open("models/rating_forecast_metrics.json", "w") as f:
    json.dump({"cv_mae": float(np.mean(cv_mae)), "persistence_mae": float(persistence_mae),
               "features": FEATURES}, f, indent=2)
