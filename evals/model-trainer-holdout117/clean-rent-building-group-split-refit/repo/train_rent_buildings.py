"""
Monthly rent model for Manhattan/Brooklyn listings (StreetEasy export, one snapshot).
Units of the same building are near-duplicates (same amenities, location, often same layout),
so every split is done by building_id.
"""
import itertools

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

SEED = 5
NUM = ["bedrooms", "bathrooms", "size_sqft", "min_to_subway", "floor", "building_age_yrs",
       "no_fee", "has_roofdeck", "has_washer_dryer", "has_doorman", "has_elevator",
       "has_dishwasher", "has_patio", "has_gym"]
CAT = ["submarket", "neighborhood", "borough"]

df = pd.read_csv("data/streeteasy_listings.csv")
df = df[(df["rent"] > 800) & (df["size_sqft"] > 150)].reset_index(drop=True)
X, y, groups = df[NUM + CAT], np.log(df["rent"]), df["building_id"]

outer = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
dev_idx, test_idx = next(outer.split(X, y, groups))
X_dev, y_dev, g_dev = X.iloc[dev_idx], y.iloc[dev_idx], groups.iloc[dev_idx]
X_test, y_test = X.iloc[test_idx], y.iloc[test_idx]

inner = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
tr_idx, va_idx = next(inner.split(X_dev, y_dev, g_dev))
assert not set(g_dev.iloc[tr_idx]) & set(g_dev.iloc[va_idx])


def build(lr, leaves, l2):
    pre = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CAT)],
        remainder="passthrough",
    )
    hgb = HistGradientBoostingRegressor(
        learning_rate=lr, max_leaf_nodes=leaves, l2_regularization=l2, max_iter=400,
        categorical_features=list(range(len(CAT))), early_stopping=False, random_state=SEED,
    )
    return Pipeline([("pre", pre), ("hgb", hgb)])


results = []
for lr, leaves, l2 in itertools.product([0.03, 0.08], [15, 31, 63], [0.0, 1.0]):
    m = build(lr, leaves, l2).fit(X_dev.iloc[tr_idx], y_dev.iloc[tr_idx])
    mae = mean_absolute_error(np.exp(y_dev.iloc[va_idx]), np.exp(m.predict(X_dev.iloc[va_idx])))
    results.append(((lr, leaves, l2), mae))
    print(f"lr={lr} leaves={leaves} l2={l2}: val MAE ${mae:,.0f}")

best_params, best_mae = min(results, key=lambda r: r[1])
print(f"selected {best_params} (val MAE ${best_mae:,.0f})")

final = build(*best_params).fit(X_dev, y_dev)
pred = np.exp(final.predict(X_test))
truth = np.exp(y_test)
print(f"TEST  MAE ${mean_absolute_error(truth, pred):,.0f}   MAPE {mean_absolute_percentage_error(truth, pred):.3f}")
joblib.dump(final, "rent_hgb.joblib")
