import numpy as np
import pandas as pd

CAT_FEATURES = ["plan", "billing_country", "payment_method", "acquisition_source", "device_primary"]
NUM_FEATURES = [
    "tenure_cycles",
    "price_paid",
    "list_price",
    "discount_depth",
    "active_days_last_cycle",
    "active_days_prev_cycle",
    "usage_drop_pct",
    "skipped_boxes_6m",
    "support_contacts_6m",
    "card_expiring_before_renewal",
    "email_open_rate_90d",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["discount_depth"] = 1 - out["price_paid"] / out["list_price"].replace(0, np.nan)
    prev = out["active_days_prev_cycle"].replace(0, np.nan)
    out["usage_drop_pct"] = (out["active_days_prev_cycle"] - out["active_days_last_cycle"]) / prev
    for c in CAT_FEATURES:
        out[c] = out[c].fillna("unknown").astype(str)
    return out
