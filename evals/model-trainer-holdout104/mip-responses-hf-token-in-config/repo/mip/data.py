import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import train_test_split

from mip.settings import LABELS


def load_splits(path: str, seed: int) -> DatasetDict:
    df = pd.read_csv(path, usecols=["resp_id", "verbatim", "topic"])
    df = df.dropna(subset=["verbatim"])
    df["verbatim"] = df["verbatim"].str.strip()
    df = df[df["verbatim"].str.len() > 1]
    df["label"] = df["topic"].map({name: i for i, name in enumerate(LABELS)})
    df = df.dropna(subset=["label"]).astype({"label": int})

    train, rest = train_test_split(df, test_size=0.3, stratify=df["label"], random_state=seed)
    valid, test = train_test_split(rest, test_size=0.5, stratify=rest["label"], random_state=seed)
    return DatasetDict({
        name: Dataset.from_pandas(part[["verbatim", "label"]], preserve_index=False)
        for name, part in [("train", train), ("validation", valid), ("test", test)]
    })
