SEED = 4242
DATA_DIR = "data"
TEST_WEEKS = 16
N_FOLDS = 4
GAP_WEEKS = 1
LAGS = [1, 2, 4, 52]
LGB_PARAMS = {
    "objective": "regression_l1",
    "learning_rate": 0.03,
    "num_leaves": 127,
    "min_data_in_leaf": 50,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "verbose": -1,
    "seed": SEED,
    "deterministic": True,
}
