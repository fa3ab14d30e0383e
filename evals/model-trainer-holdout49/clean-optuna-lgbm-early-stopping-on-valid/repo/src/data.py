"""Data loading and splitting for the lead-conversion model."""
import pandas as pd
from sklearn.model_selection import train_test_split

CATEGORICAL = ["lead_source", "industry", "country", "company_size_band", "first_touch_channel"]
NUMERIC = ["pages_viewed_7d", "sessions_30d", "email_opens_30d", "webinar_attended",
           "trial_days_used", "seats_requested", "days_since_signup"]


def load_leads(path):
    df = pd.read_parquet(path)
    df = df[df["is_internal"] == 0]
    for col in CATEGORICAL:
        df[col] = df[col].fillna("unknown").astype("category")
    return df.reset_index(drop=True)


def three_way_split(df, target, seed, valid_size=0.15, test_size=0.15):
    """Stratified train / valid / test split."""
    dev, test = train_test_split(df, test_size=test_size, stratify=df[target], random_state=seed)
    rel_valid = valid_size / (1 - test_size)
    train, valid = train_test_split(dev, test_size=rel_valid, stratify=dev[target], random_state=seed)
    return train, valid, test


def xy(df, target):
    return df[CATEGORICAL + NUMERIC], df[target].astype(int)
