import pandas as pd

EVENTS_PATH = "data/events_first48h.parquet"
USERS_PATH = "data/installs.parquet"


def load_user_docs() -> pd.DataFrame:
    """One row per install: space-joined event names of the first 48h + label."""
    ev = pd.read_parquet(EVENTS_PATH, columns=["user_id", "event_ts", "event_name"])
    ev = ev.sort_values(["user_id", "event_ts"])
    docs = ev.groupby("user_id")["event_name"].agg(lambda s: " ".join(s.str.lower()))
    users = pd.read_parquet(USERS_PATH, columns=["user_id", "install_date", "churn_7d"])
    users["install_date"] = pd.to_datetime(users["install_date"])
    users = users.merge(docs.rename("events"), on="user_id", how="left")
    users["events"] = users["events"].fillna("")
    return users


def split_by_install_date(users: pd.DataFrame, valid_from: str, test_from: str):
    d = users["install_date"]
    return (
        users[d < valid_from],
        users[(d >= valid_from) & (d < test_from)],
        users[d >= test_from],
    )
