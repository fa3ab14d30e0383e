"""Next-week ILI ED visit forecast from triage chief complaints (county syndromic surveillance)."""
import numpy as np
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import KFold, cross_val_predict

from syndromes import is_ili

SEED = 8
N_LAGS = 4

visits = pd.read_csv("data/ed_triage_2015_2023.csv", usecols=["visit_id", "arrival_ts", "facility", "chief_complaint"],
                     parse_dates=["arrival_ts"])
visits["ili"] = visits["chief_complaint"].map(is_ili).astype(int)

weekly = (visits.set_index("arrival_ts")
          .resample("W-SAT")
          .agg({"ili": "sum", "visit_id": "count"})
          .rename(columns={"visit_id": "total_visits"}))
weekly["ili_pct"] = weekly["ili"] / weekly["total_visits"]

for lag in range(1, N_LAGS + 1):
    weekly[f"ili_lag{lag}"] = weekly["ili"].shift(lag - 1)
    weekly[f"pct_lag{lag}"] = weekly["ili_pct"].shift(lag - 1)
weekly["ili_diff1"] = weekly["ili_lag1"] - weekly["ili_lag2"]
week = weekly.index.isocalendar().week.astype(float)
weekly["woy_sin"], weekly["woy_cos"] = np.sin(2 * np.pi * week / 52), np.cos(2 * np.pi * week / 52)
weekly["target"] = weekly["ili"].shift(-1)
weekly = weekly.dropna()

features = [c for c in weekly.columns if c.startswith(("ili_lag", "pct_lag", "ili_diff", "woy_"))]
X, y = weekly[features], weekly["target"]
print(f"{len(weekly)} weeks, {weekly.index.min().date()} -> {weekly.index.max().date()}")

model = GradientBoostingRegressor(n_estimators=400, learning_rate=0.03, max_depth=3, subsample=0.8,
                                  loss="absolute_error", random_state=SEED)

cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
pred = cross_val_predict(model, X, y, cv=cv)

naive = weekly["ili_lag1"]  # persistence baseline: next week = this week
print(f"GBR   MAE {mean_absolute_error(y, pred):7.2f}   MAPE {mean_absolute_percentage_error(y, pred):.3f}")
print(f"naive MAE {mean_absolute_error(y, naive):7.2f}   MAPE {mean_absolute_percentage_error(y, naive):.3f}")

season = weekly.index >= "2022-10-01"
print("2022-23 season MAE:", round(mean_absolute_error(y[season], pred[season]), 2))

model.fit(X, y)
pd.Series(model.feature_importances_, index=features).sort_values(ascending=False).to_csv("out/feature_importance.csv")
