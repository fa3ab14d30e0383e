from datasets import DatasetDict, load_dataset
from transformers import AutoTokenizer

from .config import Config


def build_datasets(cfg: Config):
    """Return the tokenized AG News splits and the tokenizer."""
    raw: DatasetDict = load_dataset(cfg.dataset_name)
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name)

    def tok(batch):
        return tokenizer(batch["text"], truncation=True, max_length=cfg.max_length)

    tokenized = raw.map(tok, batched=True, remove_columns=["text"])
    tokenized = tokenized.rename_column("label", "labels")
    return tokenized, tokenizer
