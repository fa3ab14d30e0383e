"""Row-level cleaning for the newly-registered-domain phishing model (WHOIS + DNS + TLS enrichment)."""
import numpy as np
import pandas as pd

CAT_COLS = ["tld", "registrar", "registrant_country", "name_server_provider", "asn_org", "cert_issuer"]
NUM_COLS = [
    "domain_age_days", "days_to_expiry", "n_mx_records", "n_a_records", "ttl_min",
    "domain_len", "n_digits", "n_hyphens", "has_privacy_proxy", "cert_valid_days", "n_san",
]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for c in ("created", "expires", "observed_at"):
        df[c] = pd.to_datetime(df[c], errors="coerce", utc=True)
    df["domain_age_days"] = (df["observed_at"] - df["created"]).dt.days
    df["days_to_expiry"] = (df["expires"] - df["observed_at"]).dt.days
    label = df["domain"].str.rsplit(".", n=1).str[0]
    df["domain_len"] = label.str.len()
    df["n_digits"] = label.str.count(r"\d")
    df["n_hyphens"] = label.str.count("-")
    df["has_privacy_proxy"] = df["registrant_org"].str.contains("privacy|proxy|redacted", case=False, na=False).astype(int)
    df["ttl_min"] = np.log1p(df["ttl_min"].clip(lower=0))
    # CatBoost needs strings for categoricals; missing WHOIS fields become their own level
    df[CAT_COLS] = df[CAT_COLS].fillna("missing").astype(str)
    return df[["domain", "is_phishing", *CAT_COLS, *NUM_COLS]]
