"""Cleaning steps that are applied row-by-row / to the raw export before any split."""
import hashlib
import re

import numpy as np
import pandas as pd

AUTO_REPLY_PAT = re.compile(r"(out of office|automatic reply|auto-reply|delivery status notification)", re.I)
QUOTED_PAT = re.compile(r"(?ms)^\s*(>|on .{0,100} wrote:).*")
NON_ALNUM = re.compile(r"[^a-z0-9]+")


def strip_quotes(body: str) -> str:
    return QUOTED_PAT.sub("", body or "").strip()


def fingerprint(text: str) -> str:
    key = NON_ALNUM.sub(" ", text.lower()).strip()
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df[~df["subject"].fillna("").str.contains(AUTO_REPLY_PAT)].copy()
    df["body_clean"] = df["body"].map(strip_quotes)
    df["text"] = df["subject"].fillna("") + " \n " + df["body_clean"]
    # same message sent to support@ and billing@, or the web form submitted twice
    df["fp"] = df["text"].map(fingerprint)
    df = df.drop_duplicates(subset=["customer_id", "fp"], keep="first")
    df["log_n_words"] = np.log1p(df["body_clean"].str.split().str.len())
    df["has_attachment"] = (df["n_attachments"] > 0).astype(int)
    return df.reset_index(drop=True)
