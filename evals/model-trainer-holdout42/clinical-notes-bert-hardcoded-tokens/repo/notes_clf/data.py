"""Note loading, light cleaning and patient-grouped splits."""
import re

import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import StratifiedGroupKFold

_DEID = re.compile(r"\[\*\*[^\]]*\*\*\]")
_WS = re.compile(r"\s+")


def clean_note(text: str) -> str:
    text = _DEID.sub(" ", text)
    return _WS.sub(" ", text).strip()


def grouped_split(df, label_col, group_col, seed, n_folds=10):
    sgkf = StratifiedGroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    folds = list(sgkf.split(df, df[label_col], df[group_col]))
    test_idx, val_idx = folds[0][1], folds[1][1]
    train_idx = sorted(set(range(len(df))) - set(test_idx) - set(val_idx))
    return df.iloc[train_idx], df.iloc[val_idx], df.iloc[test_idx]


def build_datasets(cfg):
    df = pd.read_parquet(cfg["notes_path"])
    df[cfg["text_column"]] = df[cfg["text_column"]].map(clean_note)
    df = df.rename(columns={cfg["text_column"]: "text", cfg["label_column"]: "label"})
    train, val, test = grouped_split(df, "label", cfg["group_column"], cfg["seed"])
    cols = ["text", "label"]
    return DatasetDict({
        "train": Dataset.from_pandas(train[cols], preserve_index=False),
        "validation": Dataset.from_pandas(val[cols], preserve_index=False),
        "test": Dataset.from_pandas(test[cols], preserve_index=False),
    })
