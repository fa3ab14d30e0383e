import pandas as pd
from sklearn.model_selection import train_test_split

CATEGORICAL = ["vehicle_class", "region", "policy_type", "payment_channel"]
NUMERIC = ["driver_age", "vehicle_age", "bonus_malus", "annual_km", "sum_insured", "prior_claims_3y"]
TARGET = "claim_next_year"


def load(path):
    df = pd.read_parquet(path)
    df["driver_age"] = df["driver_age"].clip(17, 95)
    return df


def three_way_split(df, test_size, valid_size, seed):
    rest, test = train_test_split(df, test_size=test_size, stratify=df[TARGET], random_state=seed)
    train, valid = train_test_split(rest, test_size=valid_size, stratify=rest[TARGET], random_state=seed)
    return train, valid, test


def to_lgb_frame(frame, categories):
    out = frame[NUMERIC + CATEGORICAL].copy()
    for c in CATEGORICAL:
        out[c] = pd.Categorical(out[c], categories=categories[c])
    return out


def learn_categories(train):
    return {c: sorted(train[c].dropna().unique()) for c in CATEGORICAL}
