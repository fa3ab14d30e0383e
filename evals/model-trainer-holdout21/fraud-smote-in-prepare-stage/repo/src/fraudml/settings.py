import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("FRAUD_DATA_DIR", "data"))
ARTIFACTS = Path(os.environ.get("FRAUD_ARTIFACTS", "artifacts"))
TARGET = "is_fraud"
SEED = 2023
DROP = ["txn_id", "card_id", "merchant_id", "event_time"]
