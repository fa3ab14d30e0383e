"""Loading and cleaning of the complaint export used for escalation prediction."""
import re

import pandas as pd
from sklearn.utils import resample

PII_PATTERNS = [
    (re.compile(r"\b\d{16}\b"), "[CARD]"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"), "[EMAIL]"),
    (re.compile(r"\+?\d[\d\s-]{8,}\d"), "[PHONE]"),
]


def scrub(text: str) -> str:
    for pattern, token in PII_PATTERNS:
        text = pattern.sub(token, text)
    return re.sub(r"\s+", " ", text).strip()


def load_complaints(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["received_at"])
    df = df.dropna(subset=["complaint_text"]).drop_duplicates(subset=["complaint_id"])
    df["text"] = (df["product"].fillna("unknown") + ": " + df["complaint_text"]).map(scrub)
    df["label"] = df["escalated"].astype(int)
    return df[["complaint_id", "text", "label"]]


def upsample_minority(df: pd.DataFrame, label_col: str = "label", target_ratio: float = 0.3,
                      seed: int = 0) -> pd.DataFrame:
    majority = df[df[label_col] == 0]
    minority = df[df[label_col] == 1]
    n_target = int(target_ratio * len(majority) / (1 - target_ratio))
    if len(minority) >= n_target:
        return df
    boosted = resample(minority, replace=True, n_samples=n_target, random_state=seed)
    return pd.concat([majority, boosted]).sample(frac=1.0, random_state=seed).reset_index(drop=True)
