"""Per-URL lexical features. Pure functions of the URL string, no fitted state."""
import math
import re
from collections import Counter
from urllib.parse import urlsplit

import pandas as pd

SHORTENERS = {"bit.ly", "goo.gl", "tinyurl.com", "ow.ly", "t.co", "is.gd", "buff.ly", "rebrand.ly"}
RISKY_TLDS = {"zip", "review", "country", "kim", "cricket", "science", "work", "party", "gq", "tk",
              "ml", "cf", "ga"}
IPV4 = re.compile(r"^(\d{1,3}\.){3}\d{1,3}$")


def shannon_entropy(s: str) -> float:
    if not s:
        return 0.0
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


def url_row(url: str) -> dict:
    u = url if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url) else "http://" + url
    parts = urlsplit(u)
    host = (parts.hostname or "").lower()
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    return {
        "url_len": len(url),
        "host_len": len(host),
        "path_len": len(parts.path),
        "query_len": len(parts.query),
        "n_dots": host.count("."),
        "n_hyphens": url.count("-"),
        "n_digits": sum(ch.isdigit() for ch in url),
        "n_special": sum(url.count(ch) for ch in "@?=&%~+"),
        "n_path_tokens": len([t for t in parts.path.split("/") if t]),
        "has_ip": int(bool(IPV4.match(host))),
        "has_https": int(parts.scheme == "https"),
        "has_port": int(parts.port is not None) if host else 0,
        "is_shortener": int(host in SHORTENERS),
        "risky_tld": int(tld in RISKY_TLDS),
        "entropy_url": shannon_entropy(url),
        "entropy_host": shannon_entropy(host),
        "has_exe": int(bool(re.search(r"\.(exe|scr|apk|bin|msi)(\?|$)", parts.path.lower()))),
    }


def build_frame(urls: pd.Series) -> pd.DataFrame:
    return pd.DataFrame([url_row(u) for u in urls], index=urls.index)
