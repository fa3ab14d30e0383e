from datasets import load_dataset


def load_tokenized(cfg, tokenizer):
    raw = load_dataset(cfg["dataset"])
    prefix = cfg["prefix"]

    def preprocess(batch):
        inputs = [prefix + a for a in batch["article"]]
        enc = tokenizer(inputs, max_length=cfg["max_source_length"], truncation=True)
        enc["labels"] = tokenizer(text_target=batch["abstract"],
                                  max_length=cfg["max_target_length"], truncation=True)["input_ids"]
        return enc

    n_eval = cfg["training"]["max_eval_samples"]
    splits = {
        "train": raw["train"],
        "validation": raw["validation"].select(range(n_eval)),
        "test": raw["test"],
    }
    return {name: ds.map(preprocess, batched=True, remove_columns=ds.column_names)
            for name, ds in splits.items()}
