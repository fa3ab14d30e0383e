SEED = 21
TARGET = "claim_amount"
NUMERIC = ["driver_age", "vehicle_age", "vehicle_value", "annual_mileage", "prior_claims", "bonus_malus"]
CATEGORICAL = ["region", "vehicle_make", "fuel_type", "occupation", "garage_type"]

PATHS = {
    "raw": "data/claims_raw.parquet",
    "train": "data/claims_train.parquet",
    "test": "data/claims_test.parquet",
    "model": "artifacts/xgb_severity.json",
    "train_stats": "artifacts/train_stats.json",
}

XGB_PARAMS = {
    "n_estimators": 4000,
    "learning_rate": 0.03,
    "max_depth": 5,
    "min_child_weight": 10,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "objective": "reg:gamma",
    "tree_method": "hist",
    "early_stopping_rounds": 200,
    "random_state": SEED,
}
