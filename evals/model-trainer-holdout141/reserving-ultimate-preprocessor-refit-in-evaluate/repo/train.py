"""Train the claim-level ultimate severity model (closed claims, accident years 2013-2019)."""
import pandas as pd
import xgboost as xgb

from preprocessing import ClaimSnapshotPreprocessor, CATEGORICAL

SEED = 2021
TRAIN_AY = range(2013, 2020)

snap = pd.read_parquet("data/claims_snapshot_dev12.parquet")
snap = snap[snap["accident_year"].isin(TRAIN_AY) & (snap["status_at_extract"] == "CLOSED")]

pre = ClaimSnapshotPreprocessor()
X_train = pre.fit_transform(snap)
y_train = snap["ultimate_incurred"].clip(lower=1.0)

model = xgb.XGBRegressor(
    objective="reg:gamma",
    n_estimators=800,
    learning_rate=0.03,
    max_depth=5,
    min_child_weight=20,
    subsample=0.8,
    colsample_bytree=0.8,
    random_state=SEED,
)
model.fit(X_train, y_train)
model.save_model("models/ultimate_xgb.json")
print(f"trained on {len(X_train)} closed claims, categorical codes: {CATEGORICAL}")
