"""Above-ground grassland biomass (kg DM/ha) from Sentinel-2 + weather covariates.

Samples are clipped quadrats from the 2021-2023 farm network; each farm
contributes many quadrats, so the evaluation holds out whole farms.
"""
import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBRegressor

from indices import add_indices

SEED = 1009
BANDS = ["B02", "B03", "B04", "B05", "B06", "B07", "B08", "B8A", "B11", "B12"]
WEATHER = ["gdd_since_last_cut", "rain_14d_mm", "et0_14d_mm", "tmean_7d", "days_since_last_cut"]
INDICES = ["ndvi", "ndre", "ndwi", "ndmi", "evi", "msavi", "cire"]

df = pd.read_csv("data/quadrat_biomass_s2_2021_2023.csv")
for b in BANDS:
    df[b] = np.clip(df[b] / 10000.0, 0.0, 1.0)
df = df[df["scl_class"].isin([4, 5])]
df = add_indices(df)
df["log_biomass"] = np.log1p(df["biomass_kg_dm_ha"])
df = df.dropna(subset=BANDS + WEATHER + ["log_biomass"]).reset_index(drop=True)
FEATURES = BANDS + INDICES + WEATHER

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(df, groups=df["farm_id"]))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]
inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED + 1)
tr_idx, va_idx = next(inner.split(dev, groups=dev["farm_id"]))
train, val = dev.iloc[tr_idx], dev.iloc[va_idx]
print(f"farms: train {train.farm_id.nunique()} val {val.farm_id.nunique()} test {test.farm_id.nunique()}")

xgb = XGBRegressor(
    n_estimators=3000, learning_rate=0.02, max_depth=5, subsample=0.8, colsample_bytree=0.7,
    min_child_weight=5, reg_lambda=2.0, early_stopping_rounds=200, random_state=SEED,
)
xgb.fit(train[FEATURES], train["log_biomass"], eval_set=[(val[FEATURES], val["log_biomass"])], verbose=False)
print("best iteration:", xgb.best_iteration)

ndvi_lin = LinearRegression().fit(dev[["ndvi"]], dev["log_biomass"])
mean_model = DummyRegressor(strategy="mean").fit(dev[FEATURES], dev["log_biomass"])


def report(pred_log):
    y = test["biomass_kg_dm_ha"].to_numpy()
    pred = np.expm1(pred_log)
    return {"rmse": float(np.sqrt(mean_squared_error(y, pred))),
            "mae": float(mean_absolute_error(y, pred)),
            "r2": float(r2_score(y, pred))}


results = {
    "xgboost": report(xgb.predict(test[FEATURES])),
    "ndvi_linear": report(ndvi_lin.predict(test[["ndvi"]])),
    "mean": report(mean_model.predict(test[FEATURES])),
}
print(json.dumps(results, indent=2))
with open("reports/biomass_holdout_farms.json", "w") as f:
    json.dump(results, f, indent=2)
xgb.save_model("models/biomass_xgb.json")
