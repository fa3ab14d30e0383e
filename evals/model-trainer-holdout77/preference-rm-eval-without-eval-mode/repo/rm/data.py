"""Pairwise (chosen, rejected) data for Bradley-Terry reward modelling."""
import torch
from torch.utils.data import Dataset


class PreferencePairs(Dataset):
    def __init__(self, hf_split, tokenizer, max_length):
        self.rows = hf_split
        self.tok = tokenizer
        self.max_length = max_length

    def __len__(self):
        return len(self.rows)

    def _encode(self, text):
        return self.tok(text, truncation=True, max_length=self.max_length,
                        padding="max_length", return_tensors="pt")

    def __getitem__(self, idx):
        row = self.rows[idx]
        chosen = self._encode(row["chosen"])
        rejected = self._encode(row["rejected"])
        return {
            "chosen_input_ids": chosen["input_ids"].squeeze(0),
            "chosen_attention_mask": chosen["attention_mask"].squeeze(0),
            "rejected_input_ids": rejected["input_ids"].squeeze(0),
            "rejected_attention_mask": rejected["attention_mask"].squeeze(0),
        }


def to_device(batch, device):
    return {k: v.to(device, non_blocking=True) for k, v in batch.items()}


def pairwise_loss(r_chosen, r_rejected):
    return -torch.nn.functional.logsigmoid(r_chosen - r_rejected).mean()
