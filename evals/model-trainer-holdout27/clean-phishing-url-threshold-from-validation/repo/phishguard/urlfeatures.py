import math
import re
from collections import Counter

import pandas as pd
import tldextract

SUSPICIOUS = ("login", "verify", "update", "secure", "account", "bank", "confirm", "wallet")


def _entropy(s: str) -> float:
    counts = Counter(s)
    n = len(s) or 1
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def lexical_features(url: str) -> dict:
    ext = tldextract.extract(url)
    host = ".".join(p for p in (ext.subdomain, ext.domain, ext.suffix) if p)
    return {
        "url_len": len(url),
        "host_len": len(host),
        "n_dots": host.count("."),
        "n_hyphens": url.count("-"),
        "n_digits": sum(ch.isdigit() for ch in url),
        "has_ip": int(bool(re.match(r"^\d+\.\d+\.\d+\.\d+$", host))),
        "has_at": int("@" in url),
        "is_https": int(url.lower().startswith("https")),
        "subdomain_depth": len([p for p in ext.subdomain.split(".") if p]),
        "suspicious_words": sum(w in url.lower() for w in SUSPICIOUS),
        "path_entropy": _entropy(url.split(host, 1)[-1]),
    }


def featurize(urls: pd.Series) -> pd.DataFrame:
    """Pure per-URL function: no statistics are learned, so it can be applied to any subset."""
    return pd.DataFrame([lexical_features(u) for u in urls], index=urls.index)
