"""Hurricane / windstorm outage model (grid-cell level), in the spirit of Guikema-style models.

One row per (storm_id, cell_id): 4 km grid cells in the service area, NWP + observed storm
characteristics and the infrastructure in the cell. Target: peak customers out in the cell.
Held-out unit = whole storms (a new storm is what we forecast for).
"""
import itertools
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

SEED = 17
FEATURES = [
    "max_gust_ms", "dur_gust_gt_20ms_h", "max_sustained_ms", "rain_total_mm", "soil_moisture_pct",
    "n_poles", "n_transformers", "oh_line_km", "ug_line_km", "tree_cover_pct", "customers",
    "pct_trimmed_3y", "median_pole_age", "dist_to_track_km", "land_cover_urban_pct",
]

df = pd.read_parquet("data/storm_cell_table.parquet")
df = df[df["customers"] > 0].reset_index(drop=True)
df["y"] = np.log1p(df["customers_out_peak"])
groups = df["storm_id"].values
print(df["storm_id"].nunique(), "storms,", len(df), "storm-cells")

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(df, groups=groups))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]
print("test storms:", sorted(test["storm_id"].unique()))

grid = {"num_leaves": [15, 31, 63], "min_child_samples": [20, 80], "learning_rate": [0.03, 0.08]}
gkf = GroupKFold(n_splits=5)
results = []
for values in itertools.product(*grid.values()):
    params = dict(zip(grid.keys(), values))
    maes = []
    for tr, va in gkf.split(dev, groups=dev["storm_id"]):
        m = lgb.LGBMRegressor(n_estimators=600, subsample=0.8, subsample_freq=1,
                              colsample_bytree=0.8, random_state=SEED, verbose=-1, **params)
        m.fit(dev.iloc[tr][FEATURES], dev.iloc[tr]["y"])
        maes.append(mean_absolute_error(dev.iloc[va]["y"], m.predict(dev.iloc[va][FEATURES])))
    results.append({**params, "cv_mae_log": float(np.mean(maes))})
    print(params, round(np.mean(maes), 4))

best = min(results, key=lambda r: r["cv_mae_log"])
best_params = {k: best[k] for k in grid}
final = lgb.LGBMRegressor(n_estimators=600, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                          random_state=SEED, verbose=-1, **best_params)
final.fit(dev[FEATURES], dev["y"])

pred_log = final.predict(test[FEATURES])
pred = np.clip(np.expm1(pred_log), 0, test["customers"].values)
summary = {
    "best_params": best_params,
    "cv_mae_log": best["cv_mae_log"],
    "test_mae_log": mean_absolute_error(test["y"], pred_log),
    "test_r2_log": r2_score(test["y"], pred_log),
    "test_cell_mae_customers": mean_absolute_error(test["customers_out_peak"], pred),
}
by_storm = test.assign(pred=pred).groupby("storm_id")[["customers_out_peak", "pred"]].sum()
by_storm["pct_err"] = (by_storm["pred"] - by_storm["customers_out_peak"]) / by_storm["customers_out_peak"] * 100
print(json.dumps(summary, indent=2))
print(by_storm.round(0))
final.booster_.save_model("storm_outage_lgbm.txt")
