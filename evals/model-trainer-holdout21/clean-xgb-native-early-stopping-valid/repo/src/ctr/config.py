SEED = 1001
TARGET = "purchased"
ID_COLS = ["session_id", "user_id"]
SPLIT = {"test": 0.15, "valid": 0.15}
XGB_PARAMS = {
    "objective": "binary:logistic",
    "eval_metric": ["logloss", "aucpr"],
    "eta": 0.05,
    "max_depth": 7,
    "min_child_weight": 5,
    "subsample": 0.85,
    "colsample_bytree": 0.7,
    "lambda": 1.0,
    "tree_method": "hist",
    "seed": SEED,
}
NUM_BOOST_ROUND = 4000
EARLY_STOPPING = 150
