"""Lexical features for URLs (no network lookups)."""
import ipaddress
import math
import re
from collections import Counter
from urllib.parse import urlparse

import pandas as pd

SUSPICIOUS_WORDS = ("login", "verify", "account", "update", "secure", "bank", "signin", "wp-admin", "paypal")
SHORTENERS = {"bit.ly", "goo.gl", "tinyurl.com", "ow.ly", "t.co", "is.gd", "buff.ly", "cutt.ly"}


def _entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = Counter(s)
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def _is_ip(host: str) -> int:
    try:
        ipaddress.ip_address(host)
        return 1
    except ValueError:
        return 0


def extract(url: str) -> dict:
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url):
        url = "http://" + url
    p = urlparse(url)
    host = (p.hostname or "").lower()
    path = p.path or ""
    return {
        "url_len": len(url),
        "host_len": len(host),
        "path_len": len(path),
        "n_dots_host": host.count("."),
        "n_hyphens": url.count("-"),
        "n_digits": sum(ch.isdigit() for ch in url),
        "n_params": len(p.query.split("&")) if p.query else 0,
        "n_slashes": path.count("/"),
        "has_at": int("@" in url),
        "has_ip": _is_ip(host),
        "is_https": int(p.scheme == "https"),
        "is_shortener": int(host in SHORTENERS),
        "n_susp_words": sum(w in url.lower() for w in SUSPICIOUS_WORDS),
        "host_entropy": _entropy(host),
        "url_entropy": _entropy(url),
        "digit_ratio": sum(ch.isdigit() for ch in host) / max(len(host), 1),
    }


def build_matrix(urls: pd.Series) -> pd.DataFrame:
    return pd.DataFrame([extract(u) for u in urls], index=urls.index)
