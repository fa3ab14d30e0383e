"""Feature definitions for trial-to-paid conversion."""
from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder

NUMERIC = ["seats", "active_days_first_week", "projects_created", "integrations_connected",
           "invites_sent", "support_tickets", "sessions_per_active_day"]
CATEGORICAL = ["plan_tier", "signup_source", "company_size_band", "region"]


def add_usage_ratios(df: pd.DataFrame) -> pd.DataFrame:
    """Per-row ratios; uses nothing but the row itself."""
    out = df.copy()
    out["sessions_per_active_day"] = out["sessions_first_week"] / out["active_days_first_week"].replace(0, np.nan)
    return out


def build_preprocessor() -> ColumnTransformer:
    """Unfitted; always used inside a Pipeline."""
    return ColumnTransformer([
        ("num", SimpleImputer(strategy="median", add_indicator=True), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=25), CATEGORICAL),
    ])
