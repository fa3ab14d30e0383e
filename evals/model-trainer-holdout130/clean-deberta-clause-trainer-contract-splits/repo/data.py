import pandas as pd
from datasets import Dataset, DatasetDict
from sklearn.model_selection import GroupShuffleSplit


def split_by_contract(df: pd.DataFrame, dev_frac: float, test_frac: float, seed: int):
    """train/dev/test with every contract's clauses on exactly one side."""
    gss = GroupShuffleSplit(n_splits=1, test_size=test_frac, random_state=seed)
    rest_idx, test_idx = next(gss.split(df, groups=df["contract_id"]))
    rest, test = df.iloc[rest_idx], df.iloc[test_idx]
    gss_dev = GroupShuffleSplit(n_splits=1, test_size=dev_frac / (1 - test_frac), random_state=seed)
    tr_idx, dev_idx = next(gss_dev.split(rest, groups=rest["contract_id"]))
    return rest.iloc[tr_idx], rest.iloc[dev_idx], test


def build_datasets(cfg, tokenizer):
    dcfg = cfg["data"]
    label2id = {l: i for i, l in enumerate(dcfg["labels"])}
    df = pd.read_parquet(dcfg["path"])
    df["clause_type"] = df["clause_type"].where(df["clause_type"].isin(label2id), "Other")
    df["label"] = df["clause_type"].map(label2id)

    # tokenizer is pretrained and fixed, so encode everything once
    enc = tokenizer(df["clause_text"].tolist(), truncation=True, max_length=cfg["model"]["max_length"])
    df["input_ids"], df["attention_mask"] = enc["input_ids"], enc["attention_mask"]

    train, dev, test = split_by_contract(df, dcfg["dev_frac"], dcfg["test_frac"], cfg["train"]["seed"])
    cols = ["input_ids", "attention_mask", "label"]
    ds = DatasetDict({name: Dataset.from_pandas(part[cols], preserve_index=False)
                      for name, part in [("train", train), ("dev", dev), ("test", test)]})
    return ds, label2id
