"""GLUE SST-2 loading.

GLUE's public test split has no labels, so the official validation split is kept untouched as our
held-out test set and a small stratified dev split is carved out of train for model selection.
"""
from datasets import DatasetDict, load_dataset


def load_splits(dev_fraction: float, seed: int) -> DatasetDict:
    glue = load_dataset("glue", "sst2")
    carved = glue["train"].train_test_split(test_size=dev_fraction, seed=seed, stratify_by_column="label")
    return DatasetDict(train=carved["train"], dev=carved["test"], heldout=glue["validation"])


def tokenize_splits(splits: DatasetDict, tokenizer, max_length: int) -> DatasetDict:
    return splits.map(
        lambda b: tokenizer(b["sentence"], truncation=True, max_length=max_length),
        batched=True,
        remove_columns=["sentence", "idx"],
    )
