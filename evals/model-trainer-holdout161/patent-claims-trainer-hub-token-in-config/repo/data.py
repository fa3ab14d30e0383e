import pandas as pd
from datasets import Dataset, DatasetDict


def load_claims(cfg: dict) -> tuple[DatasetDict, list[str]]:
    df = pd.read_parquet(cfg["data_path"], columns=["application_number", "filing_date",
                                                    cfg["text_field"], cfg["label_field"]])
    df = df.dropna(subset=[cfg["text_field"], cfg["label_field"]])
    df["filing_year"] = pd.to_datetime(df["filing_date"]).dt.year
    # claim text comes with numbering like "1. A method ..." -- drop it
    df["text"] = df[cfg["text_field"]].str.replace(r"^\s*1\s*\.\s*", "", regex=True)

    labels = list("ABCDEFGH")  # CPC sections (Y tags are dropped upstream)
    df = df[df[cfg["label_field"]].isin(labels)].copy()
    label2id = {l: i for i, l in enumerate(labels)}
    df["label"] = df[cfg["label_field"]].map(label2id)

    parts = {
        "train": df[df["filing_year"] <= cfg["train_until_year"]],
        "validation": df[df["filing_year"] == cfg["val_year"]],
        "test": df[df["filing_year"] == cfg["test_year"]],
    }
    dd = DatasetDict({
        k: Dataset.from_pandas(v[["text", "label"]], preserve_index=False) for k, v in parts.items()
    })
    return dd, labels
