"""Row-wise text cleaning and duplicate removal.

Everything here is either a per-row function or a *removal* of repeated posts; nothing is fitted,
so it is applied to the whole corpus before any split (dedup has to happen before the split,
otherwise copies of the same post end up on both sides).
"""
import hashlib
import re
import unicodedata

import pandas as pd

_QUOTE_RE = re.compile(r"^>.*$", re.MULTILINE)
_CODE_RE = re.compile(r"```.*?```", re.DOTALL)
_NON_WORD = re.compile(r"[^\w\s]")
_WS = re.compile(r"\s+")


def clean_post(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = _CODE_RE.sub(" CODEBLOCK ", text)
    text = _QUOTE_RE.sub(" ", text)
    return _WS.sub(" ", text).strip()


def fingerprint(text: str) -> str:
    """Hash of the lower-cased, punctuation-free token stream: catches re-posts and cross-posts."""
    canon = _WS.sub(" ", _NON_WORD.sub(" ", text.lower())).strip()
    return hashlib.md5(canon.encode()).hexdigest()


def drop_duplicate_posts(df: pd.DataFrame, text_col: str) -> pd.DataFrame:
    df = df.assign(_fp=df[text_col].map(fingerprint))
    # a fingerprint posted under different topics is ambiguous: drop all its copies
    n_topics = df.groupby("_fp")["topic"].transform("nunique")
    df = df[n_topics == 1]
    return df.drop_duplicates("_fp").drop(columns="_fp").reset_index(drop=True)
