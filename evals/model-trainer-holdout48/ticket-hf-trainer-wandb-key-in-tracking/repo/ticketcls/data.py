"""Ticket dataset: stratified split and tokenisation."""
from __future__ import annotations

import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import train_test_split


def load_frames(cfg: dict) -> tuple[dict[str, pd.DataFrame], list[str]]:
    d = cfg["data"]
    df = pd.read_csv(d["path"]).dropna(subset=[d["text_col"], d["label_col"]])
    df = df.drop_duplicates(subset=[d["text_col"]])
    labels = sorted(df[d["label_col"]].unique())
    df["label"] = df[d["label_col"]].map({name: i for i, name in enumerate(labels)})
    df = df.rename(columns={d["text_col"]: "text"})[["text", "label"]]

    trval, test = train_test_split(df, test_size=d["test_size"], stratify=df["label"], random_state=cfg["seed"])
    rel = d["val_size"] / (1 - d["test_size"])
    train, val = train_test_split(trval, test_size=rel, stratify=trval["label"], random_state=cfg["seed"])
    return {"train": train, "validation": val, "test": test}, labels


def tokenize(frames: dict[str, pd.DataFrame], tokenizer, max_length: int) -> DatasetDict:
    ds = DatasetDict({k: Dataset.from_pandas(v, preserve_index=False) for k, v in frames.items()})
    return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=max_length), batched=True)
