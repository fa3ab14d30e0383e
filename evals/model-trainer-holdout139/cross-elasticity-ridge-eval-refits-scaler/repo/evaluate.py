"""Holdout check of the elasticity model before coefficients go to the price simulator."""
import joblib
import numpy as np
import pandas as pd

from pricing.design import COLUMNS

test = pd.read_parquet("data/csd_holdout.parquet")
scaler = joblib.load("artifacts/scaler.joblib")
ridge = joblib.load("artifacts/ridge_elasticity.joblib")

X_test = scaler.fit_transform(test[COLUMNS])
pred = np.expm1(ridge.predict(X_test))

err = np.abs(test["units_sold"] - pred)
print(f"holdout WAPE: {err.sum() / test['units_sold'].sum():.3f}")

by_brand = (
    test.assign(abs_err=err)
    .groupby("brand")
    .agg(units=("units_sold", "sum"), abs_err=("abs_err", "sum"))
)
by_brand["wape"] = by_brand["abs_err"] / by_brand["units"]
print(by_brand.sort_values("units", ascending=False).head(10).round(3))

# sanity: simulated 5% price increase on the holdout weeks
X_up = test[COLUMNS].copy()
X_up["log_price"] += np.log(1.05)
pred_up = np.expm1(ridge.predict(scaler.transform(X_up)))
print(f"units change from +5% price: {pred_up.sum() / pred.sum() - 1:+.2%}")
