"""Dataset loading and tokenisation for the AG News topic classifier."""
from datasets import DatasetDict, load_dataset
from transformers import AutoTokenizer


def load_tokenizer(model_name: str):
    return AutoTokenizer.from_pretrained(model_name, use_fast=True)


def build_datasets(dataset_name: str, tokenizer, max_length: int) -> DatasetDict:
    raw = load_dataset(dataset_name)

    def tokenize(batch):
        return tokenizer(batch["text"], truncation=True, max_length=max_length)

    tokenized = raw.map(tokenize, batched=True, remove_columns=["text"])
    tokenized = tokenized.rename_column("label", "labels")
    return tokenized


def label_names(dataset_name: str):
    raw = load_dataset(dataset_name, split="train[:1]")
    return raw.features["label"].names
