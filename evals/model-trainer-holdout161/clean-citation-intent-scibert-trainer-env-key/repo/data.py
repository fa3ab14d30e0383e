import json
import os

import numpy as np
from datasets import Dataset, DatasetDict

INTENTS = ["Background", "Uses", "CompareOrContrast", "Motivation", "Extends", "Future"]


def _read(path):
    rows = []
    with open(path) as fh:
        for line in fh:
            ex = json.loads(line)
            rows.append({"text": ex["text"], "label": INTENTS.index(ex["intent"])})
    return rows


def load_acl_arc(data_dir: str) -> DatasetDict:
    """Official ACL-ARC citation-intent splits (train / dev / test jsonl)."""
    return DatasetDict({
        split: Dataset.from_list(_read(os.path.join(data_dir, f"{split}.jsonl")))
        for split in ["train", "dev", "test"]
    })


def inverse_frequency_weights(labels, n_classes: int) -> np.ndarray:
    counts = np.bincount(np.asarray(labels), minlength=n_classes).astype(float)
    w = counts.sum() / (n_classes * np.maximum(counts, 1.0))
    return w / w.mean()
