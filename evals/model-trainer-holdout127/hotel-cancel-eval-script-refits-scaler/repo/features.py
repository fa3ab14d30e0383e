import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CAT = ["hotel", "meal", "market_segment", "distribution_channel", "deposit_type", "customer_type"]
NUM = ["lead_time", "stays_in_weekend_nights", "stays_in_week_nights", "adults", "children",
       "is_repeated_guest", "previous_cancellations", "previous_bookings_not_canceled",
       "booking_changes", "days_in_waiting_list", "adr", "total_of_special_requests",
       "required_car_parking_spaces"]
TARGET = "is_canceled"


def clean(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["children"] = df["children"].fillna(0)
    df["lead_time"] = np.log1p(df["lead_time"])
    df["adr"] = df["adr"].clip(0, 600)
    return df


def build_matrix(df: pd.DataFrame, scaler: StandardScaler = None, encoder: OneHotEncoder = None):
    """Numeric block (standardised) + one-hot block. Pass fitted transformers to reuse them."""
    if scaler is None:
        scaler = StandardScaler().fit(df[NUM])
    if encoder is None:
        encoder = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(df[CAT])
    X = np.hstack([scaler.transform(df[NUM]), encoder.transform(df[CAT])])
    return X, scaler, encoder
