from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGET = "claim_filed"
CATEGORICAL = ["region", "vehicle_class", "fuel_type", "channel"]


def load_params():
    return yaml.safe_load((ROOT / "params.yaml").read_text())
