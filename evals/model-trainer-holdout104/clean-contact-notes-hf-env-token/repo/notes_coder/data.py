"""Interviewer contact-history notes -> coded reluctance reason."""
import re

import pandas as pd
from datasets import ClassLabel, Dataset, DatasetDict, Features, Value
from sklearn.model_selection import train_test_split

PII_PATTERNS = [
    (re.compile(r"\b\d{3}[-.\s]?\d{3}[-.\s]?\d{4}\b"), "[PHONE]"),
    (re.compile(r"\b\d{1,5}\s+\w+\s+(st|street|ave|avenue|rd|road|dr|drive|ln|lane)\b", re.I), "[ADDRESS]"),
]


def scrub(text: str) -> str:
    for pat, repl in PII_PATTERNS:
        text = pat.sub(repl, text)
    return " ".join(text.split())


def load(cfg: dict):
    df = pd.read_csv(cfg["data_path"], usecols=["case_id", cfg["text_col"], cfg["label_col"]])
    df = df.dropna().drop_duplicates(subset="case_id", keep="last")
    df["text"] = df[cfg["text_col"]].astype(str).map(scrub)
    counts = df[cfg["label_col"]].value_counts()
    keep = counts[counts >= cfg["min_label_count"]].index
    df["reason"] = df[cfg["label_col"]].where(df[cfg["label_col"]].isin(keep), "other")
    labels = sorted(df["reason"].unique())
    df["label"] = df["reason"].map({l: i for i, l in enumerate(labels)})
    return df[["text", "label"]], labels


def make_splits(df: pd.DataFrame, labels, seed: int) -> DatasetDict:
    train, rest = train_test_split(df, test_size=0.3, stratify=df["label"], random_state=seed)
    valid, test = train_test_split(rest, test_size=0.5, stratify=rest["label"], random_state=seed)
    feats = Features({"text": Value("string"), "label": ClassLabel(names=labels)})
    return DatasetDict({
        k: Dataset.from_pandas(v, features=feats, preserve_index=False)
        for k, v in [("train", train), ("validation", valid), ("test", test)]
    })
