import numpy as np
import pandas as pd

POLICIES = {"ones": 1.0, "zeros": 0.0}


def apply_uncertainty_policy(df: pd.DataFrame, target: str, policy: str) -> pd.DataFrame:
    """Map CheXpert labeller output (1, 0, -1, blank) to a binary target.

    Blank means the finding was not mentioned and is treated as negative; -1 (uncertain)
    is mapped according to the chosen policy. This is a fixed per-row rule, not learned.
    """
    out = df.copy()
    raw = out[target]
    out["y"] = raw.replace(-1.0, POLICIES[policy]).fillna(0.0).astype(np.float32)
    return out


def add_patient_id(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["patient_id"] = out["Path"].str.extract(r"(patient\d+)", expand=False)
    return out
