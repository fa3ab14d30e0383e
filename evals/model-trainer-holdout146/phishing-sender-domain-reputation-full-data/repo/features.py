"""Feature engineering for the phishing email classifier."""
import re

import numpy as np
import pandas as pd

URGENT = re.compile(r"\b(urgent|immediately|suspended|verify|confirm|locked|unusual activity|within 24 hours)\b", re.I)
FREE_MAIL = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com", "mail.ru", "gmx.com"}

NUMERIC = ["num_urls", "num_attachments", "body_len", "num_recipients", "html_only"]


def domain_reputation(df: pd.DataFrame, col: str, target: str = "is_phishing", alpha: float = 20.0) -> pd.Series:
    """Smoothed phishing rate per domain (m-estimate), so rare domains shrink to the global rate."""
    prior = df[target].mean()
    stats = df.groupby(col)[target].agg(["sum", "count"])
    rep = (stats["sum"] + alpha * prior) / (stats["count"] + alpha)
    return df[col].map(rep).fillna(prior)


def build_features(df: pd.DataFrame) -> pd.DataFrame:
    out = pd.DataFrame(index=df.index)
    for c in NUMERIC:
        out[c] = df[c].astype(float)
    out["log_body_len"] = np.log1p(df["body_len"])
    out["urgent_hits"] = df["subject"].fillna("").str.count(URGENT) + df["body_snippet"].fillna("").str.count(URGENT)
    out["subject_caps"] = df["subject"].fillna("").map(lambda s: sum(ch.isupper() for ch in s) / max(len(s), 1))
    out["reply_to_differs"] = (df["reply_to_domain"].fillna(df["sender_domain"]) != df["sender_domain"]).astype(int)
    out["free_mail_sender"] = df["sender_domain"].isin(FREE_MAIL).astype(int)
    out["spf_fail"] = df["spf_result"].isin(["fail", "softfail"]).astype(int)
    out["dkim_fail"] = (df["dkim_result"] != "pass").astype(int)
    out["sender_rep"] = domain_reputation(df, "sender_domain")
    out["reply_to_rep"] = domain_reputation(df.assign(reply_to_domain=df["reply_to_domain"].fillna("none")), "reply_to_domain")
    return out
