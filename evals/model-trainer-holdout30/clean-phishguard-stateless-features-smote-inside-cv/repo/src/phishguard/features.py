"""Lexical URL features. Pure functions of the URL string: safe to apply before splitting."""
from __future__ import annotations

import math
import re
from collections import Counter
from urllib.parse import urlparse

import pandas as pd

IP_HOST = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
SUSPICIOUS_TOKENS = ("login", "verify", "update", "secure", "account", "bank", "confirm", "wallet")

NUMERIC = [
    "url_len", "host_len", "path_len", "n_dots", "n_hyphens", "n_digits", "n_params", "n_subdomains",
    "entropy", "has_ip_host", "has_at", "uses_https", "n_suspicious_tokens",
]
CATEGORICAL = ["tld"]


def _entropy(s: str) -> float:
    counts = Counter(s)
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in counts.values()) if n else 0.0


def url_features(url: str) -> dict:
    parsed = urlparse(url if "://" in url else "http://" + url)
    host = parsed.hostname or ""
    lowered = url.lower()
    return {
        "url_len": len(url),
        "host_len": len(host),
        "path_len": len(parsed.path),
        "n_dots": url.count("."),
        "n_hyphens": url.count("-"),
        "n_digits": sum(ch.isdigit() for ch in url),
        "n_params": len(parsed.query.split("&")) if parsed.query else 0,
        "n_subdomains": max(host.count(".") - 1, 0),
        "entropy": _entropy(url),
        "has_ip_host": int(bool(IP_HOST.match(host))),
        "has_at": int("@" in url),
        "uses_https": int(parsed.scheme == "https"),
        "n_suspicious_tokens": sum(tok in lowered for tok in SUSPICIOUS_TOKENS),
        "tld": host.rsplit(".", 1)[-1] if "." in host else "none",
    }


def featurize(df: pd.DataFrame, url_col: str = "url") -> pd.DataFrame:
    feats = pd.DataFrame.from_records(df[url_col].map(url_features).tolist(), index=df.index)
    return pd.concat([df, feats], axis=1)
