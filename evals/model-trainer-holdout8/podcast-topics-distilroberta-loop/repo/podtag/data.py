import numpy as np
from datasets import load_dataset
from transformers import AutoTokenizer

TOPICS = ["true-crime", "comedy", "politics", "tech", "health", "sports", "business",
          "science", "history", "culture", "education", "religion", "kids", "fiction"]


def _encode_topics(batch):
    multi_hot = np.zeros((len(batch["topics"]), len(TOPICS)), dtype=np.float32)
    for i, tags in enumerate(batch["topics"]):
        for t in tags:
            multi_hot[i, TOPICS.index(t)] = 1.0
    return {"labels": multi_hot.tolist()}


def build_splits(jsonl_path, model_name, max_len=256):
    tok = AutoTokenizer.from_pretrained(model_name)
    ds = load_dataset("json", data_files=jsonl_path, split="train")
    ds = ds.map(lambda b: {"text": [f"{t}. {d}" for t, d in zip(b["title"], b["description"])]}, batched=True)
    ds = ds.map(_encode_topics, batched=True)
    ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=max_len), batched=True)
    ds = ds.remove_columns(["title", "description", "topics", "text"])

    outer = ds.train_test_split(test_size=0.15)
    inner = outer["train"].train_test_split(test_size=0.15)
    return tok, inner["train"], inner["test"], outer["test"]
