"""Dataset loading / tokenisation."""
from __future__ import annotations

import json
from pathlib import Path

from datasets import DatasetDict, load_dataset


def load_intents(data_dir: str) -> tuple[DatasetDict, list[str]]:
    root = Path(data_dir)
    files = {split: str(root / f"{split}.csv") for split in ("train", "validation", "test")}
    ds = load_dataset("csv", data_files=files)
    label_names = json.loads((root / "labels.json").read_text())
    return ds, label_names


def tokenize(ds: DatasetDict, tokenizer, max_length: int) -> DatasetDict:
    def _encode(batch):
        return tokenizer(batch["text"], truncation=True, max_length=max_length)

    return ds.map(_encode, batched=True, remove_columns=["text", "ticket_id"])
