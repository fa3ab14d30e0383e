import re

import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import GroupShuffleSplit

_CARD = re.compile(r"\b(card|crd)\s*\d{4}\b|\bxx+\d{2,4}\b", re.I)
_REF = re.compile(r"\b(ref|auth)[\s:#]*[a-z0-9]+\b", re.I)


def tidy(desc: str) -> str:
    desc = _CARD.sub(" ", desc)
    desc = _REF.sub(" ", desc)
    return re.sub(r"\s+", " ", desc).strip()


def load_splits(path: str, test_size: float, seed: int):
    df = pd.read_csv(path, dtype={"customer_id": str, "mcc": "Int64"})
    df = df.dropna(subset=["description", "category"])
    # prepend amount sign + mcc so the model can disambiguate e.g. refunds
    sign = df["amount"].lt(0).map({True: "debit", False: "credit"})
    df["text"] = sign + " | mcc " + df["mcc"].astype(str) + " | " + df["description"].map(tidy)

    labels = sorted(df["category"].unique())
    label2id = {l: i for i, l in enumerate(labels)}
    df["label"] = df["category"].map(label2id)

    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    tr, te = next(gss.split(df, groups=df["customer_id"]))
    cols = ["text", "label"]
    ds = DatasetDict({
        "train": Dataset.from_pandas(df.iloc[tr][cols], preserve_index=False),
        "test": Dataset.from_pandas(df.iloc[te][cols], preserve_index=False),
    })
    return ds, labels
