"""Light commercial vehicle frequency model (CatBoost, Poisson, log-exposure baseline).

* 5-fold GroupKFold CV by policyholder on 2017-2022 to pick the number of trees
* one-off check on the 2023 policy year against the current GLM tariff and a flat rate
* production model refitted on 2017-2023 with the CV tree count
"""
import json

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.model_selection import GroupKFold

SEED = 42
DATA = "data/lcv_policy_years_2017_2023.parquet"
TEST_YEAR = 2023
FEATURES = ["driver_age", "vehicle_age", "gvw_kg", "vehicle_make", "vehicle_model", "business_use",
            "trade", "postcode_area", "ncd_years", "n_named_drivers", "annual_mileage", "tracker"]
CAT_FEATURES = ["vehicle_make", "vehicle_model", "business_use", "trade", "postcode_area", "tracker"]
PARAMS = dict(loss_function="Poisson", learning_rate=0.05, depth=6, l2_leaf_reg=6,
              random_seed=SEED, verbose=0, allow_writing_files=False)


def pool(df):
    return Pool(df[FEATURES], label=df["claim_count"], cat_features=CAT_FEATURES,
                baseline=np.log(df["exposure"].to_numpy()))


def poisson_dev(y, mu):
    ylog = np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0.0)
    return 2 * np.mean(ylog - (y - mu))


def gini(y, mu, e):
    o = np.argsort(mu / e)
    x = np.concatenate([[0], np.cumsum(e[o]) / e.sum()])
    c = np.concatenate([[0], np.cumsum(y[o]) / y.sum()])
    return 1 - 2 * np.trapz(c, x)


df = pd.read_parquet(DATA)
df = df[df["exposure"] > 0].reset_index(drop=True)
for c in CAT_FEATURES:
    df[c] = df[c].fillna("NA").astype(str)

hist = df[df["policy_year"] < TEST_YEAR].reset_index(drop=True)
test = df[df["policy_year"] == TEST_YEAR].reset_index(drop=True)

best_iters, cv_dev = [], []
for k, (tr, va) in enumerate(GroupKFold(n_splits=5).split(hist, groups=hist["policyholder_id"])):
    m = CatBoostRegressor(iterations=4000, od_type="Iter", od_wait=150, **PARAMS)
    m.fit(pool(hist.iloc[tr]), eval_set=pool(hist.iloc[va]), use_best_model=True)
    mu = m.predict(pool(hist.iloc[va]), prediction_type="Exponent")
    best_iters.append(m.get_best_iteration() + 1)
    cv_dev.append(poisson_dev(hist["claim_count"].to_numpy()[va], mu))
    print(f"fold {k}: trees {best_iters[-1]}, deviance {cv_dev[-1]:.5f}")
n_trees = int(np.median(best_iters))
print(f"CV deviance {np.mean(cv_dev):.5f} +/- {np.std(cv_dev):.5f}; using {n_trees} trees")

model = CatBoostRegressor(iterations=n_trees, **PARAMS).fit(pool(hist))
y, e = test["claim_count"].to_numpy(), test["exposure"].to_numpy()
mu_cb = model.predict(pool(test), prediction_type="Exponent")
mu_glm = test["tariff_expected_claims"].to_numpy()
mu_flat = e * hist["claim_count"].sum() / hist["exposure"].sum()
report = {name: {"deviance": poisson_dev(y, mu), "gini": gini(y, mu, e), "a_over_e": y.sum() / mu.sum()}
          for name, mu in [("catboost", mu_cb), ("current_glm", mu_glm), ("flat", mu_flat)]}
print(pd.DataFrame(report).T.round(5))

production = CatBoostRegressor(iterations=n_trees, **PARAMS).fit(pool(df))
production.save_model("models/lcv_frequency_catboost.cbm")
with open("models/lcv_frequency_catboost.json", "w") as fh:
    json.dump({"n_trees": n_trees, "trained_years": sorted(df["policy_year"].unique().tolist()),
               "test_year_report": report}, fh, indent=2)
