"""Turn weekly player snapshots into a model matrix."""
import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = [
    "sessions_7d", "minutes_7d", "matches_7d", "wins_7d", "coins_spent_7d",
    "coins_earned_7d", "iap_usd_30d", "days_since_install", "days_since_last_login",
    "friends_count", "club_messages_7d", "season_pass_level",
]
PLATFORMS = ["android", "ios"]
COUNTRY_TIERS = ["t1", "t2", "t3"]
MODES = ["ranked", "casual", "events", "story"]
CATEGORICAL = ["platform", "country_tier", "favorite_mode"]


def add_ratios(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["win_rate_7d"] = df["wins_7d"] / df["matches_7d"].clip(lower=1)
    df["spend_earn_ratio_7d"] = df["coins_spent_7d"] / (df["coins_earned_7d"] + 1)
    df["minutes_per_session_7d"] = df["minutes_7d"] / df["sessions_7d"].clip(lower=1)
    return df


def build_matrix(df: pd.DataFrame):
    df = add_ratios(df)
    num_cols = NUMERIC + ["win_rate_7d", "spend_earn_ratio_7d", "minutes_per_session_7d"]
    num = np.log1p(df[num_cols].fillna(0).clip(lower=0).to_numpy())
    scaler = StandardScaler()
    num = scaler.fit_transform(num)

    enc = OneHotEncoder(categories=[PLATFORMS, COUNTRY_TIERS, MODES], handle_unknown="ignore", sparse_output=False)
    cat = enc.fit_transform(df[CATEGORICAL])
    names = num_cols + list(enc.get_feature_names_out(CATEGORICAL))
    return np.hstack([num, cat]), names
