import json

import torch
from torch.utils.data import Dataset


def load_turns(path, context_turns):
    """MultiWOZ user turns with their dialogue acts (e.g. 'Restaurant-Inform', 'general-thank')."""
    with open(path) as f:
        dialogues = json.load(f)
    examples = []
    for dlg in dialogues:
        history = []
        for turn in dlg["turns"]:
            if turn["speaker"] == "USER":
                ctx = " </s> ".join(history[-context_turns:])
                examples.append({"text": turn["utterance"], "context": ctx, "acts": sorted(set(turn["acts"]))})
            history.append(turn["utterance"])
    return examples


class ActDataset(Dataset):
    def __init__(self, examples, tokenizer, act2id, max_length):
        self.enc = tokenizer([e["text"] for e in examples], [e["context"] or "" for e in examples],
                             truncation="only_second", max_length=max_length)
        self.labels = torch.zeros(len(examples), len(act2id))
        for i, e in enumerate(examples):
            for a in e["acts"]:
                if a in act2id:
                    self.labels[i, act2id[a]] = 1.0

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        item = {k: v[i] for k, v in self.enc.items()}
        item["labels"] = self.labels[i].tolist()
        return item
