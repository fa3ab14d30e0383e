import re

import pandas as pd

_URL = re.compile(r"https?://\S+")
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    text = _URL.sub(" ", str(text).lower())
    text = text.replace("n't", " not")
    return _WS.sub(" ", text).strip()


def build_text(df: pd.DataFrame) -> pd.Series:
    return (df["title"].fillna("") + " . " + df["body"].fillna("")).map(normalise)
