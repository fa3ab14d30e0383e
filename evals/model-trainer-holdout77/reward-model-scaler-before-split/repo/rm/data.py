"""Loading helpers for logged bandit interactions."""
import pandas as pd

REQUIRED_COLUMNS = ["context_id", "arm_id", "reward", "propensity"]


def load_logs(path, min_propensity=0.0):
    """Read logged (context, action, reward, propensity) tuples.

    Rounds whose logging propensity is below ``min_propensity`` are dropped;
    they come from a deprecated exploration bucket with unreliable logging.
    """
    logs = pd.read_parquet(path)
    missing = [c for c in REQUIRED_COLUMNS if c not in logs.columns]
    if missing:
        raise ValueError(f"logged data is missing columns: {missing}")
    logs = logs[logs["propensity"] >= min_propensity].reset_index(drop=True)
    logs["reward"] = logs["reward"].astype(int)
    return logs
