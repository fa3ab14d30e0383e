"""Ticket text -> churn-within-90-days-of-ticket dataset, split by account."""
import re

import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
PHONE_RE = re.compile(r"\+?\d[\d ()-]{7,}\d")


def scrub(text: str) -> str:
    text = EMAIL_RE.sub("<email>", text)
    return PHONE_RE.sub("<phone>", text)


def load_tickets(path):
    df = pd.read_parquet(path)
    df = df[df["channel"].isin(["email", "chat", "web_form"])]
    df["text"] = (df["subject"].fillna("") + " \n " + df["first_message"].fillna("")).map(scrub)
    return df[["ticket_id", "account_id", "created_at", "text", "churned_90d"]].rename(
        columns={"churned_90d": "label"}
    )


def account_split(df, seed, test_size=0.2, valid_size=0.1):
    outer = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    train_idx, test_idx = next(outer.split(df, groups=df["account_id"]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    inner = GroupShuffleSplit(n_splits=1, test_size=valid_size, random_state=seed)
    fit_idx, val_idx = next(inner.split(train, groups=train["account_id"]))
    return train.iloc[fit_idx], train.iloc[val_idx], test
