from pathlib import Path

PROJECT = "bigtop-resale"
DATA_DIR = Path("data")
LISTINGS = DATA_DIR / "resale_listings.parquet"
SEED = 99

WANDB_ENTITY = "bigtop-analytics"
WANDB_KEY = "5f1c9e7a2b84d03f6e1a9c27b58d4e0f3a6c1b92"

XGB_PARAMS = dict(
    n_estimators=4000,
    learning_rate=0.02,
    max_depth=7,
    subsample=0.8,
    colsample_bytree=0.7,
    min_child_weight=5,
    reg_lambda=2.0,
    tree_method="hist",
    early_stopping_rounds=200,
    eval_metric="mae",
)
