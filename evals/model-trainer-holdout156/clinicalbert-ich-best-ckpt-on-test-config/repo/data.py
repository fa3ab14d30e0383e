import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import GroupShuffleSplit

LABELS = ["absent", "present", "indeterminate"]
LABEL2ID = {l: i for i, l in enumerate(LABELS)}


def _to_ds(frame, text_col):
    return Dataset.from_pandas(frame[[text_col, "label"]].rename(columns={text_col: "text"}), preserve_index=False)


def make_splits(dcfg, seed):
    df = pd.read_csv(dcfg["path"])
    df = df.dropna(subset=[dcfg["text_col"], dcfg["label_col"]])
    df["label"] = df[dcfg["label_col"]].str.lower().map(LABEL2ID)
    df = df[df["label"].notna()].astype({"label": int})

    outer = GroupShuffleSplit(n_splits=1, test_size=dcfg["test_size"], random_state=seed)
    dev_idx, test_idx = next(outer.split(df, groups=df[dcfg["group_col"]]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]

    inner = GroupShuffleSplit(n_splits=1, test_size=dcfg["val_size"] / (1 - dcfg["test_size"]), random_state=seed)
    tr_idx, val_idx = next(inner.split(dev, groups=dev[dcfg["group_col"]]))
    train, val = dev.iloc[tr_idx], dev.iloc[val_idx]

    return DatasetDict(
        train=_to_ds(train, dcfg["text_col"]),
        validation=_to_ds(val, dcfg["text_col"]),
        test=_to_ds(test, dcfg["text_col"]),
    )
