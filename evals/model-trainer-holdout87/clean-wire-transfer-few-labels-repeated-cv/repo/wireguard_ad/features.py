"""Row-wise feature transforms: each output depends only on the same row."""
import numpy as np
import pandas as pd

NUMERIC = [
    "log_amount", "amount_to_balance", "hour_sin", "hour_cos", "is_weekend",
    "beneficiary_age_days_log", "new_beneficiary", "cross_border", "n_prior_transfers_log",
]


def transform(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    out["log_amount"] = np.log1p(df["amount_eur"])
    out["amount_to_balance"] = df["amount_eur"] / (df["balance_before_eur"].clip(lower=1.0))
    hour = df["created_at"].dt.hour + df["created_at"].dt.minute / 60
    out["hour_sin"] = np.sin(2 * np.pi * hour / 24)
    out["hour_cos"] = np.cos(2 * np.pi * hour / 24)
    out["is_weekend"] = (df["created_at"].dt.dayofweek >= 5).astype(int)
    out["beneficiary_age_days_log"] = np.log1p(df["beneficiary_age_days"].clip(lower=0))
    out["new_beneficiary"] = (df["beneficiary_age_days"] < 1).astype(int)
    out["cross_border"] = (df["debtor_country"] != df["creditor_country"]).astype(int)
    out["n_prior_transfers_log"] = np.log1p(df["n_prior_transfers_to_beneficiary"])
    return out[NUMERIC]
