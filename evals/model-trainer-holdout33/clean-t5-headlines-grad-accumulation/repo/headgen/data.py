import os

from datasets import load_dataset
from torch.utils.data import DataLoader
from transformers import DataCollatorForSeq2Seq


def load_splits(cfg):
    files = {s: os.path.join(cfg["data_dir"], f"{s}.jsonl") for s in ("train", "valid", "test")}
    return load_dataset("json", data_files=files)


def make_loaders(raw, tokenizer, model, cfg, generator):
    def preprocess(batch):
        inputs = [cfg["source_prefix"] + a for a in batch["article"]]
        enc = tokenizer(inputs, max_length=cfg["max_source_len"], truncation=True)
        enc["labels"] = tokenizer(text_target=batch["headline"], max_length=cfg["max_target_len"],
                                  truncation=True)["input_ids"]
        return enc

    tokenized = raw.map(preprocess, batched=True, remove_columns=raw["train"].column_names)
    collator = DataCollatorForSeq2Seq(tokenizer, model=model, label_pad_token_id=-100)
    bs = cfg["micro_batch_size"]
    return {
        "train": DataLoader(tokenized["train"], batch_size=bs, shuffle=True, collate_fn=collator,
                            generator=generator),
        "valid": DataLoader(tokenized["valid"], batch_size=4 * bs, collate_fn=collator),
        "test": DataLoader(tokenized["test"], batch_size=4 * bs, collate_fn=collator),
    }
