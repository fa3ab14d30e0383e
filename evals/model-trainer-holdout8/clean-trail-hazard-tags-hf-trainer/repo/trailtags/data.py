import os

import numpy as np
from datasets import ClassLabel, load_dataset
from transformers import AutoTokenizer

HAZARDS = ["mud", "snow_ice", "fallen_tree", "washout", "closure", "overgrown", "flooding", "rockfall", "wasps", "cattle"]


def load_splits(cfg):
    raw = load_dataset(cfg.dataset_id, revision=cfg.dataset_revision, split="train",
                       token=os.environ.get("HF_TOKEN"))
    tok = AutoTokenizer.from_pretrained(cfg.model_name)

    def encode(batch):
        enc = tok(batch["report"], truncation=True, max_length=cfg.max_len)
        lab = np.zeros((len(batch["report"]), len(HAZARDS)), dtype=np.float32)
        for i, tags in enumerate(batch["hazards"]):
            for t in tags:
                lab[i, HAZARDS.index(t)] = 1.0
        enc["labels"] = lab.tolist()
        enc["main_hazard"] = [tags[0] if tags else "none" for tags in batch["hazards"]]
        return enc

    # pretrained tokenizer: nothing is learned from the data, so encoding before the split is harmless
    ds = raw.map(encode, batched=True)
    ds = ds.cast_column("main_hazard", ClassLabel(names=HAZARDS + ["none"]))
    first = ds.train_test_split(test_size=0.15, seed=cfg.seed, stratify_by_column="main_hazard")
    second = first["train"].train_test_split(test_size=0.15, seed=cfg.seed, stratify_by_column="main_hazard")
    keep = ["input_ids", "attention_mask", "labels"]
    strip = lambda d: d.remove_columns([c for c in d.column_names if c not in keep])
    texts = {"train": second["train"]["report"], "val": second["test"]["report"], "test": first["test"]["report"]}
    return tok, strip(second["train"]), strip(second["test"]), strip(first["test"]), texts
