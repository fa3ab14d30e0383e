"""Expand one-row-per-customer data into customer-month rows for a discrete-time hazard model."""
import numpy as np
import pandas as pd


def expand(customers: pd.DataFrame, max_months: int) -> pd.DataFrame:
    months = customers["months_observed"].clip(upper=max_months).astype(int)
    rows = customers.loc[customers.index.repeat(months)].copy()
    rows["month"] = rows.groupby("customer_id").cumcount() + 1
    last = rows["month"] == rows["months_observed"].clip(upper=max_months)
    rows["churned_this_month"] = (last & (rows["churned"] == 1)).astype(np.float32)
    return rows.reset_index(drop=True)
