from datasets import load_dataset, ClassLabel

from .config import LABELS, SEED


def load_splits(tokenizer):
    ds = load_dataset("json", data_files="data/reviews.jsonl")["train"]
    ds = ds.cast_column("label", ClassLabel(names=LABELS))
    first = ds.train_test_split(test_size=0.15, stratify_by_column="label", seed=SEED)
    second = first["train"].train_test_split(test_size=0.15, stratify_by_column="label", seed=SEED)
    tok = lambda b: tokenizer(b["text"], truncation=True, max_length=128)
    return (second["train"].map(tok, batched=True), second["test"].map(tok, batched=True),
            first["test"].map(tok, batched=True))
