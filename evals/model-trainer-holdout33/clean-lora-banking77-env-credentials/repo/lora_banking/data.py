from datasets import DatasetDict, load_dataset


def load_banking77(val_fraction: float, seed: int) -> DatasetDict:
    """PolyAI/banking77 ships train/test only; carve a stratified validation split out of train."""
    raw = load_dataset("PolyAI/banking77")
    parts = raw["train"].train_test_split(test_size=val_fraction, seed=seed, stratify_by_column="label")
    return DatasetDict(train=parts["train"], validation=parts["test"], test=raw["test"])


def tokenize_all(ds: DatasetDict, tokenizer, max_length: int = 64) -> DatasetDict:
    return ds.map(lambda b: tokenizer(b["text"], truncation=True, max_length=max_length), batched=True,
                  remove_columns=["text"])
