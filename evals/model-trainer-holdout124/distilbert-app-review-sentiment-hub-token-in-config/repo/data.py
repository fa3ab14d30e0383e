import pandas as pd
from datasets import ClassLabel, Dataset, DatasetDict

LABELS = ["negative", "neutral", "positive"]


def load_splits(path, text_col, label_col, valid_size, test_size, seed):
    df = pd.read_csv(path, usecols=[text_col, label_col]).dropna()
    df = df.drop_duplicates(subset=[text_col])
    df = df.rename(columns={text_col: "text", label_col: "label"})
    df["label"] = df["label"].map({name: i for i, name in enumerate(LABELS)})

    ds = Dataset.from_pandas(df, preserve_index=False)
    ds = ds.cast_column("label", ClassLabel(names=LABELS))
    first = ds.train_test_split(test_size=test_size, stratify_by_column="label", seed=seed)
    rel_valid = valid_size / (1.0 - test_size)
    second = first["train"].train_test_split(test_size=rel_valid, stratify_by_column="label", seed=seed)
    return DatasetDict(train=second["train"], validation=second["test"], test=first["test"])
