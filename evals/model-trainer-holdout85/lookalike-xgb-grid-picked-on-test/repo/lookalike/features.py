import numpy as np
import pandas as pd

FEATURES = [
    "sessions_30d", "sessions_90d", "email_click_rate_90d", "avg_order_value_365d",
    "orders_365d", "days_since_last_visit", "app_user", "newsletter_opt_in",
    "paid_touch_share_90d", "category_affinity_beauty", "category_affinity_home",
    "category_affinity_fashion", "tenure_days",
]


def build_user_features(users: pd.DataFrame) -> pd.DataFrame:
    """Row-wise features from the CRM snapshot (all measured before the campaign window)."""
    users = users.copy()
    users["email_click_rate_90d"] = users["email_clicks_90d"] / users["email_sends_90d"].clip(lower=1)
    users["paid_touch_share_90d"] = users["paid_touches_90d"] / users["all_touches_90d"].clip(lower=1)
    users["avg_order_value_365d"] = users["revenue_365d"] / users["orders_365d"].clip(lower=1)
    users["days_since_last_visit"] = users["days_since_last_visit"].fillna(999).clip(upper=999)
    users["tenure_days"] = np.log1p(users["tenure_days"])
    return users
