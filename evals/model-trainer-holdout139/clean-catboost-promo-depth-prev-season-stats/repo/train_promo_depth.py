"""Promo depth response model (CatBoost) for the trade-promotion planner.

Rows: store-cluster x SKU x promo event. Target: total event units. Seasons 2021-2022 train,
2023 H1 validation (early stopping), 2023 H2 test.
"""
import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool

SEED = 314
CAT = ["sku_id", "brand", "subcategory", "store_cluster", "mechanic", "ad_position"]
NUM = ["depth_pct", "duration_wks", "log_base_price", "n_competing_promos", "days_since_prev_promo",
       "prev_event_units", "sku_prev_half_avg_units", "sku_prev_half_n_events"]
TARGET = "event_units"

ev = pd.read_parquet("data/promo_events.parquet")
ev["start_date"] = pd.to_datetime(ev["start_date"])
ev = ev.sort_values("start_date").reset_index(drop=True)
ev["half"] = ev["start_date"].dt.year.astype(str) + "H" + np.where(ev["start_date"].dt.month <= 6, "1", "2")
ev["log_base_price"] = np.log(ev["base_price"])
ev["depth_pct"] = 1 - ev["promo_price"] / ev["base_price"]

# per-SKU history from the previous half-year only
halves = sorted(ev["half"].unique())
prev_half = dict(zip(halves[1:], halves[:-1]))
hist = ev.groupby(["sku_id", "half"])[TARGET].agg(["mean", "size"]).reset_index()
hist["half"] = hist["half"].map({v: k for k, v in prev_half.items()})
hist = hist.dropna(subset=["half"]).rename(
    columns={"mean": "sku_prev_half_avg_units", "size": "sku_prev_half_n_events"}
)
ev = ev.merge(hist, on=["sku_id", "half"], how="left")

g = ev.groupby(["sku_id", "store_cluster"])
ev["prev_event_units"] = g[TARGET].shift(1)
ev["days_since_prev_promo"] = g["start_date"].diff().dt.days

train = ev[ev["start_date"] < "2023-01-01"]
valid = ev[(ev["start_date"] >= "2023-01-01") & (ev["start_date"] < "2023-07-01")]
test = ev[ev["start_date"] >= "2023-07-01"]

train_pool = Pool(train[CAT + NUM], np.log1p(train[TARGET]), cat_features=CAT)
valid_pool = Pool(valid[CAT + NUM], np.log1p(valid[TARGET]), cat_features=CAT)
test_pool = Pool(test[CAT + NUM], cat_features=CAT)

model = CatBoostRegressor(
    loss_function="RMSE",
    iterations=5000,
    learning_rate=0.03,
    depth=6,
    l2_leaf_reg=8,
    has_time=True,
    od_type="Iter",
    od_wait=200,
    random_seed=SEED,
    verbose=500,
)
model.fit(train_pool, eval_set=valid_pool, use_best_model=True)

pred = np.expm1(model.predict(test_pool))
wape = np.abs(test[TARGET] - pred).sum() / test[TARGET].sum()
print(f"best iteration {model.get_best_iteration()}  2023H2 WAPE {wape:.3f}")

by_mech = test.assign(pred=pred).groupby("mechanic").apply(
    lambda d: pd.Series({"events": len(d), "wape": np.abs(d[TARGET] - d["pred"]).sum() / d[TARGET].sum()})
)
print(by_mech.round(3))
model.save_model("models/promo_depth_catboost.cbm")
