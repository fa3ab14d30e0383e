import pandas as pd
from sksurv.util import Surv

NUMERIC = ["monthly_fee", "n_seats", "logins_first_30d", "support_tickets_first_30d", "discount_pct"]
CATEGORICAL = ["plan", "billing_cycle", "acquisition_channel", "company_size_band"]


def load_subscribers(path: str):
    """One row per subscriber: time to cancellation (days), right-censored at data extraction."""
    subs = pd.read_csv(path)
    subs = subs[subs["tenure_days"] > 0].reset_index(drop=True)
    y = Surv.from_dataframe("cancelled", "tenure_days", subs)
    return subs[NUMERIC + CATEGORICAL], y
