"""Lexical URL features for the phishing model."""
import math
import re
from collections import Counter

import numpy as np
import pandas as pd
import tldextract

# offline: use the suffix list snapshot bundled with tldextract
_extract = tldextract.TLDExtract(suffix_list_urls=())

SUSPICIOUS_TLDS = {"zip", "mov", "xyz", "top", "tk", "ml", "ga", "cf", "gq", "work", "click", "country"}
BRANDS = ("paypal", "apple", "microsoft", "office365", "netflix", "amazon", "wellsfargo", "chase", "dhl")
IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


def shannon(s: str) -> float:
    if not s:
        return 0.0
    n = len(s)
    return -sum((c / n) * math.log2(c / n) for c in Counter(s).values())


def url_row(url: str) -> dict:
    u = url.strip().lower()
    no_scheme = re.sub(r"^[a-z]+://", "", u)
    host = no_scheme.split("/")[0].split("?")[0].split(":")[0]
    path = no_scheme[len(host):]
    ext = _extract(u)
    return {
        "len_url": len(u),
        "len_host": len(host),
        "len_path": len(path),
        "n_subdomains": ext.subdomain.count(".") + 1 if ext.subdomain else 0,
        "n_dots": u.count("."),
        "n_hyphen_host": host.count("-"),
        "n_at": u.count("@"),
        "n_qmark": u.count("?"),
        "n_eq": u.count("="),
        "n_pct": u.count("%"),
        "digits_host": sum(c.isdigit() for c in host),
        "is_ip": int(bool(IPV4.match(host))),
        "https": int(u.startswith("https://")),
        "susp_tld": int(ext.suffix.split(".")[-1] in SUSPICIOUS_TLDS),
        "brand_in_sub": int(any(b in ext.subdomain for b in BRANDS)),
        "brand_in_path": int(any(b in path for b in BRANDS)),
        "punycode": int("xn--" in host),
        "entropy_host": shannon(host),
        "entropy_path": shannon(path),
    }


def featurize(urls: pd.Series) -> pd.DataFrame:
    feats = pd.DataFrame.from_records([url_row(u) for u in urls], index=urls.index)
    for c in ("len_url", "len_path"):
        feats[c] = np.log1p(feats[c])
    return feats
