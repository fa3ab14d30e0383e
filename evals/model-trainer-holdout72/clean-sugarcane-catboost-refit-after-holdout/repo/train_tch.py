"""Sugarcane yield (t/ha) per field block from Sentinel-2 + weather + management data.
The model estimates TCH for outgrower farms without mill records in the same seasons.

1. hold out 20% of farms, tune iterations with a farm-grouped validation split
2. report held-out metrics against simple baselines
3. refit on every farm with the selected number of trees for the production model
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit

SEED = 404
CAT = ["variety", "ratoon_class", "soil_group", "irrigation"]
NUM = ["ndvi_max", "ndvi_integral", "ndre_max", "lai_peak", "rain_mm", "tmean_c", "srad_mj",
       "crop_age_months", "n_applied_kg", "block_area_ha", "elevation_m"]
TARGET = "tch"
OUT = Path("models/sugarcane_tch")


def metrics(y, p):
    return {"rmse": float(np.sqrt(mean_squared_error(y, p))), "mae": float(mean_absolute_error(y, p)),
            "r2": float(r2_score(y, p))}


def make_model(iterations, use_best=True):
    return CatBoostRegressor(iterations=iterations, learning_rate=0.04, depth=6, l2_leaf_reg=4,
                             loss_function="RMSE", random_seed=SEED, use_best_model=use_best,
                             od_type="Iter" if use_best else None, od_wait=150 if use_best else None,
                             verbose=500)


def main():
    df = pd.read_parquet("data/sugarcane_blocks_2019_2023.parquet")
    df[CAT] = df[CAT].astype(str)
    farms = df["farm_id"].to_numpy()

    outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_idx, test_idx = next(outer.split(df, groups=farms))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED + 1)
    tr_i, va_i = next(inner.split(dev, groups=dev["farm_id"]))
    tr, va = dev.iloc[tr_i], dev.iloc[va_i]

    model = make_model(5000)
    model.fit(Pool(tr[NUM + CAT], tr[TARGET], cat_features=CAT),
              eval_set=Pool(va[NUM + CAT], va[TARGET], cat_features=CAT))
    n_trees = model.get_best_iteration() + 1
    print("best iteration on validation farms:", n_trees)

    variety_mean = tr.groupby("variety")[TARGET].mean()
    baseline_variety = test["variety"].map(variety_mean).fillna(tr[TARGET].mean())
    report = {
        "global_mean": metrics(test[TARGET], np.full(len(test), tr[TARGET].mean())),
        "variety_mean": metrics(test[TARGET], baseline_variety),
        "catboost": metrics(test[TARGET], model.predict(test[NUM + CAT])),
    }
    for k, v in report.items():
        print(f"held-out farms {k:>13}: " + "  ".join(f"{m}={x:.3f}" for m, x in v.items()))

    final = make_model(n_trees, use_best=False)
    final.fit(Pool(df[NUM + CAT], df[TARGET], cat_features=CAT))
    OUT.mkdir(parents=True, exist_ok=True)
    final.save_model(str(OUT / "catboost_tch_all_farms.cbm"))
    report["final_model"] = {"iterations": n_trees, "n_rows": len(df), "n_farms": int(df["farm_id"].nunique())}
    (OUT / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
