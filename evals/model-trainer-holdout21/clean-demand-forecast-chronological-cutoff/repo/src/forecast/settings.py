SEED = 404
HORIZON_DAYS = 28
TEST_START = "2024-01-01"       # final untouched evaluation window
VALID_DAYS = 56                 # last weeks before TEST_START for early stopping
KEYS = ["store", "sku"]
TARGET = "qty"
LGBM_PARAMS = {
    "objective": "poisson",
    "learning_rate": 0.04,
    "num_leaves": 127,
    "min_child_samples": 60,
    "feature_fraction": 0.7,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 2.0,
    "n_estimators": 3000,
}
