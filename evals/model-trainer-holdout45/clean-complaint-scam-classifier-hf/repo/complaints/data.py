import re

import pandas as pd
from datasets import ClassLabel, Dataset

SCAM_ISSUES = {
    "Fraud or scam",
    "Problem with a purchase or transfer: fraud or scam",
    "Unauthorized transactions or other transaction problem",
}
REDACTION = re.compile(r"X{2,}")


def load_frame(path):
    df = pd.read_csv(path, usecols=["Complaint ID", "Consumer complaint narrative", "Issue", "Sub-issue"])
    df = df.dropna(subset=["Consumer complaint narrative"]).drop_duplicates("Consumer complaint narrative")
    text = df["Consumer complaint narrative"].str.replace(REDACTION, "[REDACTED]", regex=True)
    label = (df["Issue"].isin(SCAM_ISSUES) | df["Sub-issue"].isin(SCAM_ISSUES)).astype(int)
    return pd.DataFrame({"text": text.str.strip(), "label": label}).reset_index(drop=True)


def make_splits(frame, tokenizer, max_length, test_size, val_size, seed):
    ds = Dataset.from_pandas(frame).cast_column("label", ClassLabel(names=["other", "scam"]))
    ds = ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=max_length), batched=True)
    first = ds.train_test_split(test_size=test_size, stratify_by_column="label", seed=seed)
    rel_val = val_size / (1 - test_size)
    second = first["train"].train_test_split(test_size=rel_val, stratify_by_column="label", seed=seed)
    return second["train"], second["test"], first["test"]
