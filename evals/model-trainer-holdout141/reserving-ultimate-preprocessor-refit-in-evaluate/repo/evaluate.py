"""Back-test the ultimate model on accident years 2020-2021 (claims now closed)."""
import numpy as np
import pandas as pd
import xgboost as xgb

from preprocessing import ClaimSnapshotPreprocessor

TEST_AY = [2020, 2021]

snap = pd.read_parquet("data/claims_snapshot_dev12.parquet")
test = snap[snap["accident_year"].isin(TEST_AY) & (snap["status_at_extract"] == "CLOSED")].copy()

model = xgb.XGBRegressor()
model.load_model("models/ultimate_xgb.json")

pre = ClaimSnapshotPreprocessor()
X_test = pre.fit_transform(test)
test["pred_ultimate"] = model.predict(X_test)

# aggregate back to accident year x line the way the reserving team reads it
by_ay = test.groupby(["accident_year", "line_of_business"]).agg(
    actual=("ultimate_incurred", "sum"), predicted=("pred_ultimate", "sum"), n=("claim_id", "size")
)
by_ay["pred_to_actual"] = by_ay["predicted"] / by_ay["actual"]
print(by_ay.round(3))

err = test["pred_ultimate"] - test["ultimate_incurred"]
print("claim-level MAE :", round(err.abs().mean(), 1))
print("claim-level RMSE:", round(np.sqrt((err ** 2).mean()), 1))
print("total pred/actual:", round(test["pred_ultimate"].sum() / test["ultimate_incurred"].sum(), 4))
