"""Loading, de-duplication and splitting of the helpdesk e-mail export."""
import hashlib
import re

import pandas as pd
from sklearn.model_selection import GroupShuffleSplit

_WS = re.compile(r"\s+")
_QUOTE = re.compile(r"(?ims)^(on .{0,80} wrote:|-----original message-----).*")


def normalise(text: str) -> str:
    text = _QUOTE.sub("", text or "")
    return _WS.sub(" ", text).strip().lower()


def load_emails(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, dtype={"thread_id": str})
    df = df.dropna(subset=["body", "team"])
    df["clean_body"] = df["body"].map(normalise)
    df = df[df["clean_body"].str.len() >= 20]
    return df.reset_index(drop=True)


def drop_duplicate_emails(df: pd.DataFrame) -> pd.DataFrame:
    """Customers often re-send the same mail (or CC two addresses); keep the first copy."""
    digest = df["clean_body"].map(lambda t: hashlib.md5(t.encode("utf-8")).hexdigest())
    keep = ~digest.duplicated(keep="first")
    return df[keep].reset_index(drop=True)


def split_by_thread(df: pd.DataFrame, test_size: float = 0.2):
    """Keep every message of a thread on the same side of the split."""
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size)
    train_idx, test_idx = next(gss.split(df, groups=df["thread_id"]))
    return df.iloc[train_idx].reset_index(drop=True), df.iloc[test_idx].reset_index(drop=True)
