"""MRPC splits: GLUE test labels are hidden, so GLUE validation is the held-out set and dev comes from train."""
from datasets import DatasetDict, load_dataset


def load_mrpc(dev_fraction: float, seed: int) -> DatasetDict:
    glue = load_dataset("glue", "mrpc")
    carved = glue["train"].train_test_split(test_size=dev_fraction, seed=seed, stratify_by_column="label")
    return DatasetDict(train=carved["train"], dev=carved["test"], heldout=glue["validation"])


def encode(splits: DatasetDict, tokenizer, max_length: int) -> DatasetDict:
    return splits.map(
        lambda b: tokenizer(b["sentence1"], b["sentence2"], truncation=True, max_length=max_length),
        batched=True,
        remove_columns=["sentence1", "sentence2", "idx"],
    )
