import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import StratifiedGroupKFold


def patient_splits(df: pd.DataFrame, label: str, group: str, test_folds: int, val_folds: int, seed: int):
    outer = StratifiedGroupKFold(n_splits=test_folds, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(outer.split(df, df[label], df[group]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    inner = StratifiedGroupKFold(n_splits=val_folds, shuffle=True, random_state=seed)
    tr_idx, val_idx = next(inner.split(dev, dev[label], dev[group]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], test


def to_hf(splits: dict, tokenizer, text_col: str, label_col: str, max_length: int) -> DatasetDict:
    def encode(batch):
        return tokenizer(batch[text_col], truncation=True, max_length=max_length)

    out = {}
    for name, frame in splits.items():
        ds = Dataset.from_pandas(frame[[text_col, label_col]].rename(columns={label_col: "label"}),
                                 preserve_index=False)
        out[name] = ds.map(encode, batched=True, remove_columns=[text_col])
    return DatasetDict(out)
