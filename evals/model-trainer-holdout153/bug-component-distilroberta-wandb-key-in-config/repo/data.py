import pandas as pd
from datasets import Dataset
from sklearn.model_selection import train_test_split


def load_splits(cfg):
    df = pd.read_csv(cfg["data_path"], usecols=["bug_id", "component", "summary", "description"])
    df = df[df["component"].isin(cfg["components"])].dropna(subset=["summary"])
    df["text"] = df["summary"] + " </s> " + df["description"].fillna("").str.slice(0, 2000)
    label2id = {c: i for i, c in enumerate(cfg["components"])}
    df["label"] = df["component"].map(label2id)

    train_val, test = train_test_split(df, test_size=cfg["test_size"], stratify=df["label"],
                                       random_state=cfg["seed"])
    rel_val = cfg["val_size"] / (1 - cfg["test_size"])
    train, val = train_test_split(train_val, test_size=rel_val, stratify=train_val["label"],
                                  random_state=cfg["seed"])
    to_ds = lambda d: Dataset.from_pandas(d[["text", "label"]], preserve_index=False)
    return to_ds(train), to_ds(val), to_ds(test), label2id
