import pandas as pd
from sklearn.model_selection import train_test_split

CAT = ["membership_tier", "home_club", "rating_band", "preferred_time_control", "referral_source"]
NUM = ["age", "years_member", "games_last_90d", "tournaments_last_year", "days_since_last_visit",
       "rating_change_12m", "coaching_sessions", "volunteer_hours", "fee_paid_eur"]
TARGET = "did_not_renew"


def load_members(path):
    df = pd.read_csv(path)
    df[CAT] = df[CAT].fillna("missing").astype(str)
    return df


def three_way_split(df, test, val, seed):
    dev, test_df = train_test_split(df, test_size=test, stratify=df[TARGET], random_state=seed)
    train_df, val_df = train_test_split(dev, test_size=val / (1 - test), stratify=dev[TARGET], random_state=seed)
    return train_df, val_df, test_df
