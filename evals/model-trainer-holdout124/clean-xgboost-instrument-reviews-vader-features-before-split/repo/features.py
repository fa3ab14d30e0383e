import re

import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_vader = SentimentIntensityAnalyzer()
_PRICE_RE = re.compile(r"\$\s?\d+")


def review_features(df: pd.DataFrame) -> pd.DataFrame:
    """Hand-made per-review features: VADER lexicon scores, length, punctuation, votes."""
    body = df["reviewText"].fillna("")
    summary = df["summary"].fillna("")
    vb = pd.DataFrame([_vader.polarity_scores(t) for t in body], index=df.index).add_prefix("vader_body_")
    vs = pd.DataFrame([_vader.polarity_scores(t) for t in summary], index=df.index).add_prefix("vader_sum_")
    out = pd.concat([vb, vs], axis=1)
    out["log_len"] = np.log1p(body.str.len())
    out["n_exclaim"] = body.str.count("!")
    out["n_caps_words"] = body.str.count(r"\b[A-Z]{3,}\b")
    out["mentions_price"] = body.str.contains(_PRICE_RE).astype(int)
    votes = pd.to_numeric(df["vote"].astype(str).str.replace(",", ""), errors="coerce").fillna(0)
    out["log_votes"] = np.log1p(votes)
    out["verified"] = df["verified"].astype(int)
    return out
