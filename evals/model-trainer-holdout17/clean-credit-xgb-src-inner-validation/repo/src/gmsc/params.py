SEED = 314
TARGET = "SeriousDlqin2yrs"
DATA = "data/cs-training.csv"

SPLIT = {"test_size": 0.2, "valid_size": 0.2}

XGB = {
    "n_estimators": 5000,
    "learning_rate": 0.02,
    "max_depth": 4,
    "min_child_weight": 5,
    "subsample": 0.85,
    "colsample_bytree": 0.7,
    "gamma": 0.5,
    "reg_lambda": 3.0,
    "tree_method": "hist",
    "eval_metric": "auc",
    "early_stopping_rounds": 200,
    "random_state": SEED,
}
