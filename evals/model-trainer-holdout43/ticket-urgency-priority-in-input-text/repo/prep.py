"""Ticket export -> model-ready frames for the urgency classifier."""
import html
import re

import pandas as pd
from sklearn.model_selection import train_test_split

SIGNATURE_RE = re.compile(r"(?is)(--\s*\n|best regards|kind regards|sent from my).*$")


def clean_body(text: str) -> str:
    text = html.unescape(str(text))
    text = re.sub(r"<[^>]+>", " ", text)
    text = SIGNATURE_RE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def load_tickets(cfg: dict) -> pd.DataFrame:
    df = pd.read_csv(cfg["data_path"], dtype={"ticket_id": str})
    df = df.dropna(subset=["body", "priority"]).drop_duplicates(subset=["ticket_id"])
    df["body"] = df["body"].map(clean_body)
    df["subject"] = df["subject"].fillna("")
    df["label"] = df["priority"].isin(cfg["urgent_priorities"]).astype(int)
    df["text"] = df[cfg["text_fields"]].astype(str).agg(cfg["text_separator"].join, axis=1)
    return df[["ticket_id", "text", "label"]]


def split_frames(df: pd.DataFrame, cfg: dict, seed: int):
    train_df, test_df = train_test_split(
        df, test_size=cfg["splits"]["test_size"], stratify=df["label"], random_state=seed
    )
    train_df, val_df = train_test_split(
        train_df, test_size=cfg["splits"]["val_size"], stratify=train_df["label"], random_state=seed
    )
    return train_df, val_df, test_df
