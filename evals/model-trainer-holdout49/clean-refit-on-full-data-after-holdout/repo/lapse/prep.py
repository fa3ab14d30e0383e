"""Row-level feature preparation for the policy lapse model (no fitted state)."""
import numpy as np
import pandas as pd

CAT_FEATURES = ["product_line", "payment_frequency", "distribution_channel", "region", "agent_tier"]
NUM_FEATURES = ["premium_annual", "sum_assured", "policy_age_months", "insured_age",
                "n_riders", "missed_payments_12m", "premium_to_income", "log_sum_assured"]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["premium_to_income"] = out["premium_annual"] / out["declared_income"].where(out["declared_income"] > 0)
    out["log_sum_assured"] = np.log1p(out["sum_assured"])
    for col in CAT_FEATURES:
        out[col] = out[col].fillna("NA").astype(str)
    return out[CAT_FEATURES + NUM_FEATURES]
