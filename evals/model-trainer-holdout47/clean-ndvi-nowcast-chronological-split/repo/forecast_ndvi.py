"""Next-composite NDVI forecast for pasture parcels (MODIS 16-day, 2012-2023).

Predicts NDVI of composite t+1 from the parcel's recent composites and the
weather accumulated over the coming 16 days (from the forecast archive).
"""
import json

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 55

panel = pd.read_parquet("data/pasture_parcels_modis_ndvi_16d.parquet")
panel = panel.sort_values(["parcel_id", "date"]).reset_index(drop=True)
g = panel.groupby("parcel_id")["ndvi"]
panel["ndvi_now"] = panel["ndvi"]
for k in (1, 2, 22):
    panel[f"ndvi_prev{k}"] = g.shift(k)
panel["ndvi_delta"] = panel["ndvi_now"] - panel["ndvi_prev1"]
panel["target"] = g.shift(-1)
panel["doy"] = panel["date"].dt.dayofyear
panel["doy_sin"] = np.sin(2 * np.pi * panel["doy"] / 365.25)
panel["doy_cos"] = np.cos(2 * np.pi * panel["doy"] / 365.25)
FEATURES = ["ndvi_now", "ndvi_prev1", "ndvi_prev2", "ndvi_prev22", "ndvi_delta", "doy_sin", "doy_cos",
            "precip_next16_mm", "gdd_next16", "et0_next16_mm", "soil_awc_mm"]
panel = panel.dropna(subset=FEATURES + ["target"])

# chronological hold-out: last 20% of composites by date
panel = panel.sort_values("date", kind="stable").reset_index(drop=True)
train, test = train_test_split(panel, test_size=0.2, shuffle=False)
print(f"train until {train.date.max():%Y-%m-%d}, test from {test.date.min():%Y-%m-%d}")

tscv = TimeSeriesSplit(n_splits=5, gap=2 * panel["parcel_id"].nunique())
search = GridSearchCV(
    HistGradientBoostingRegressor(loss="absolute_error", random_state=SEED),
    param_grid={"learning_rate": [0.03, 0.08], "max_leaf_nodes": [15, 31], "min_samples_leaf": [50, 200]},
    cv=tscv, scoring="neg_mean_absolute_error", n_jobs=-1,
)
search.fit(train[FEATURES], train["target"])
print("best params", search.best_params_, "cv MAE", -search.best_score_)

ridge = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-2, 3, 12)))
ridge.fit(train[FEATURES], train["target"])

# seasonal climatology per parcel and composite date
clim = train.groupby(["parcel_id", "doy"])["target"].mean().rename("clim")
test = test.join(clim, on=["parcel_id", "doy"])
test["clim"] = test["clim"].fillna(test["ndvi_now"])

preds = {
    "hgb": search.best_estimator_.predict(test[FEATURES]),
    "ridge": ridge.predict(test[FEATURES]),
    "persistence": test["ndvi_now"].to_numpy(),
    "climatology": test["clim"].to_numpy(),
}
report = {name: {"mae": float(mean_absolute_error(test["target"], p)),
                 "rmse": float(np.sqrt(mean_squared_error(test["target"], p)))} for name, p in preds.items()}
print(json.dumps(report, indent=2))
with open("reports/ndvi_forecast_holdout.json", "w") as f:
    json.dump({"best_params": search.best_params_, "holdout": report}, f, indent=2)
