import pandas as pd

FEATURES = [
    "account_age_days", "sessions_last_7d", "sessions_prev_7d", "minutes_last_7d",
    "pvp_matches_last_7d", "pvp_winrate_last_7d", "guild_active_members",
    "gems_balance", "gems_spent_last_14d", "iap_usd_last_30d", "battle_pass_owned",
    "days_since_last_purchase", "friends_online_last_7d", "crash_count_last_7d",
]
TARGET = "churned_next_14d"


def load_weekly(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df["snapshot_week"] = pd.to_datetime(df["snapshot_week"])
    df["days_since_last_purchase"] = df["days_since_last_purchase"].fillna(999)
    df["battle_pass_owned"] = df["battle_pass_owned"].astype(int)
    return df


def time_split(df: pd.DataFrame, train_until: str, gap_weeks: int, test_until: str):
    """Train on weeks <= train_until, skip gap_weeks (labels overlap), test after that."""
    train_end = pd.Timestamp(train_until)
    test_start = train_end + pd.Timedelta(weeks=gap_weeks)
    train = df[df["snapshot_week"] <= train_end]
    test = df[(df["snapshot_week"] > test_start) & (df["snapshot_week"] <= pd.Timestamp(test_until))]
    return train, test
