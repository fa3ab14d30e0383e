import numpy as np
import pandas as pd

from .io import NUMERIC


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    """Row-wise features only; no statistics are learned here."""
    out = df.copy()
    out["log_claim_amount"] = np.log1p(out["claim_amount"].clip(lower=0))
    out["late_report"] = (out["days_to_report"] > 30).astype(int)
    out["claims_per_year"] = out["prior_claims_5y"] / 5.0
    out[NUMERIC] = out[NUMERIC].fillna(0)
    return out


FEATURES = NUMERIC + ["log_claim_amount", "late_report", "claims_per_year"]
