"""Row-wise, parameter-free text normalisation. Nothing here learns from the corpus,
so it is applied to every email before the split."""
import re

import numpy as np
import pandas as pd

URL_RE = re.compile(r"https?://[^\s>\"']+", re.I)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
HTML_RE = re.compile(r"<[^>]+>")


def normalise(text: str) -> str:
    text = HTML_RE.sub(" ", text)
    text = URL_RE.sub(" URLTOKEN ", text)
    text = EMAIL_RE.sub(" EMAILTOKEN ", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def add_row_features(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    raw = out["subject"].fillna("") + " " + out["body"].fillna("")
    out["n_urls"] = raw.str.count(URL_RE.pattern)
    out["log_len"] = np.log1p(raw.str.len())
    out["upper_ratio"] = raw.str.count(r"[A-Z]") / raw.str.len().clip(lower=1)
    out["has_attachment"] = out["attachment_count"].fillna(0).gt(0).astype(int)
    out["text"] = raw.map(normalise)
    return out


NUMERIC = ["n_urls", "log_len", "upper_ratio", "has_attachment"]
