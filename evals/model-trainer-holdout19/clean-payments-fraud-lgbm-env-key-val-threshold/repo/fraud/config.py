import os

from dotenv import load_dotenv

load_dotenv()

SEED = 8675309
DATA = os.getenv("FRAUD_DATA", "data/payments.parquet")
TRAIN_END = "2024-03-31"
VALID_END = "2024-04-30"
TARGET_PRECISION = 0.80
WANDB = {
    "api_key": os.environ.get("WANDB_API_KEY"),
    "entity": os.environ.get("WANDB_ENTITY"),
    "project": "payments-fraud",
}
LGB_PARAMS = {
    "objective": "binary",
    "learning_rate": 0.03,
    "num_leaves": 63,
    "min_child_samples": 200,
    "feature_fraction": 0.7,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 5.0,
    "scale_pos_weight": 20.0,
    "metric": ["average_precision", "auc"],
    "seed": SEED,
    "deterministic": True,
    "verbosity": -1,
}
