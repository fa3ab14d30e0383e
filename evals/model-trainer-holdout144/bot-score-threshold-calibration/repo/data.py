import pandas as pd

SIGNALS = [
    "req_per_min",
    "unique_urls",
    "mouse_events",
    "key_events",
    "touch_events",
    "avg_dwell_ms",
    "pct_xhr",
    "pct_image_requests",
    "tls_ja3_rare",
    "ua_mismatch_client_hints",
    "webdriver_flag",
    "ip_reputation_score",
    "datacenter_asn",
]


def load_labeled(path, label_col):
    df = pd.read_parquet(path)
    df = df.dropna(subset=[label_col])
    df[label_col] = df[label_col].astype(int)
    return df


def time_split(df, time_col, fractions):
    """Chronological train/val/test split (labels drift as bot vendors adapt)."""
    df = df.sort_values(time_col).reset_index(drop=True)
    n = len(df)
    n_train = int(n * fractions["train"])
    n_val = int(n * fractions["val"])
    return {
        "train": df.iloc[:n_train],
        "val": df.iloc[n_train:n_train + n_val],
        "test": df.iloc[n_train + n_val:],
    }
