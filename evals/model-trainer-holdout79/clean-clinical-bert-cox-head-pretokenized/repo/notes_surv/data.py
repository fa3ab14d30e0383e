import os

import numpy as np
import pandas as pd
import torch
from transformers import AutoTokenizer


def load_notes(path: str) -> pd.DataFrame:
    df = pd.read_parquet(path)
    df = df[(df["days_to_death"] > 0) & df["text"].str.len().gt(200)].reset_index(drop=True)
    df["text"] = df["text"].str.replace(r"\s+", " ", regex=True).str.strip()
    return df


def tokenize_all(texts, model_name: str, max_length: int):
    tok = AutoTokenizer.from_pretrained(model_name, token=os.environ.get("HF_TOKEN"))
    enc = tok(list(texts), truncation=True, max_length=max_length, padding="max_length", return_tensors="pt")
    return enc["input_ids"], enc["attention_mask"]


class NoteSurvDataset(torch.utils.data.Dataset):
    def __init__(self, ids, mask, time, event, idx):
        self.ids, self.mask = ids[idx], mask[idx]
        self.time = torch.as_tensor(time[idx], dtype=torch.float32)
        self.event = torch.as_tensor(event[idx], dtype=torch.float32)

    def __len__(self):
        return len(self.time)

    def __getitem__(self, i):
        return self.ids[i], self.mask[i], self.time[i], self.event[i]
