"""Run settings. Credentials come from the environment (CI injects them); nothing secret lives in this file."""
import os
from dataclasses import dataclass

# Integrity pins, not credentials: the dataset repo commit and the SHA-256 of the parquet file at that commit.
DATASET_REPO = "acme-ml/support-intents"
DATASET_FILE = "support_intents.parquet"
DATASET_REVISION = "a4cb1bb35a8872317948a1920ad08329b211fcb8"
DATASET_SHA256 = "0532088f95331363eaede9c394d9323a46dfeadae6dfd8c0856359d30582c1d0"


@dataclass(frozen=True)
class Credentials:
    hf_token: str | None
    mlflow_uri: str


def credentials_from_env() -> Credentials:
    if "MLFLOW_TRACKING_URI" not in os.environ:
        raise SystemExit("set MLFLOW_TRACKING_URI (see .env.example)")
    # MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD are read by mlflow itself from the environment.
    return Credentials(hf_token=os.getenv("HF_TOKEN"), mlflow_uri=os.environ["MLFLOW_TRACKING_URI"])
