"""Tabular features that sit next to the TF-IDF text block."""
import re

import numpy as np
import pandas as pd

URL_RE = re.compile(r"https?://\S+")
MENTION_RE = re.compile(r"@\w+")


def text_stats(text: str) -> dict:
    letters = [c for c in text if c.isalpha()]
    return {
        "n_chars": len(text),
        "n_urls": len(URL_RE.findall(text)),
        "n_mentions": len(MENTION_RE.findall(text)),
        "caps_ratio": sum(c.isupper() for c in letters) / max(len(letters), 1),
        "n_exclaim": text.count("!"),
    }


def add_author_features(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["account_age_days"] = (df["posted_at"] - df["author_created_at"]).dt.days.clip(lower=0)
    df["author_removal_rate"] = df.groupby("author_id")["is_removed"].transform("mean")
    df["author_karma_log"] = np.log1p(df["author_karma"].clip(lower=0))
    return df


def add_text_features(df: pd.DataFrame, column: str = "body") -> pd.DataFrame:
    stats = pd.DataFrame([text_stats(t) for t in df[column].fillna("")], index=df.index)
    return pd.concat([df, stats], axis=1)


TABULAR_COLUMNS = [
    "account_age_days", "author_removal_rate", "author_karma_log",
    "n_chars", "n_urls", "n_mentions", "caps_ratio", "n_exclaim",
]
