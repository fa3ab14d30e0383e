"""Visit-sequence dataset for the heart failure onset model."""
import json
from collections import Counter
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset

MAX_VISITS = 64


def load_split(root: str, split: str) -> list[dict]:
    """Each line: {"patient_id", "label", "visits": [{"days_since_prev", "codes": [...]}, ...]}."""
    with open(Path(root) / f"{split}.jsonl") as f:
        return [json.loads(line) for line in f]


class VisitSequenceDataset(Dataset):
    def __init__(self, records: list[dict], vocab: dict | None = None, min_count: int = 5):
        self.records = records
        if vocab is None:
            counts = Counter(c for r in records for v in r["visits"] for c in v["codes"])
            vocab = {"<pad>": 0, "<unk>": 1}
            for code, n in counts.most_common():
                if n >= min_count:
                    vocab[code] = len(vocab)
        self.vocab = vocab
        self.labels = np.array([r["label"] for r in records], dtype=np.float32)

    def __len__(self):
        return len(self.records)

    def __getitem__(self, i):
        r = self.records[i]
        visits = r["visits"][-MAX_VISITS:]
        codes = [[self.vocab.get(c, 1) for c in v["codes"]] or [1] for v in visits]
        gaps = [float(v["days_since_prev"]) for v in visits]
        return codes, gaps, r["label"]


def collate_visits(batch):
    max_v = max(len(codes) for codes, _, _ in batch)
    flat, offsets, gaps, mask = [], [], [], []
    for codes, g, _ in batch:
        padded = codes + [[0]] * (max_v - len(codes))
        for visit in padded:
            offsets.append(len(flat))
            flat.extend(visit)
        gaps.append(g + [0.0] * (max_v - len(g)))
        mask.append([True] * len(codes) + [False] * (max_v - len(codes)))
    inputs = (
        torch.tensor(flat, dtype=torch.long),
        torch.tensor(offsets, dtype=torch.long),
        torch.tensor(mask, dtype=torch.bool),
        torch.tensor(gaps, dtype=torch.float32),
    )
    return {"inputs": inputs, "label": torch.tensor([lbl for _, _, lbl in batch])}
