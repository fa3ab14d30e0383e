"""Loading and tokenisation of the routed-ticket export."""
import pandas as pd
from datasets import ClassLabel, Dataset
from torch.utils.data import DataLoader
from transformers import DataCollatorWithPadding


def load_tickets(path, queues):
    df = pd.read_json(path, lines=True)
    df = df[df["queue"].isin(queues)].copy()
    df["text"] = df["subject"].fillna("") + "\n\n" + df["body"].fillna("")
    df["label"] = df["queue"].map({q: i for i, q in enumerate(queues)})
    ds = Dataset.from_pandas(df[["ticket_id", "text", "label"]], preserve_index=False)
    return ds.cast_column("label", ClassLabel(names=list(queues)))


def make_splits(ds, seed, test_size, val_size):
    outer = ds.train_test_split(test_size=test_size, seed=seed, stratify_by_column="label")
    inner = outer["train"].train_test_split(test_size=val_size, seed=seed, stratify_by_column="label")
    return inner["train"], inner["test"], outer["test"]


def make_loaders(tokenizer, splits, batch_size, max_length, generator):
    def tok(batch):
        return tokenizer(batch["text"], truncation=True, max_length=max_length)

    collator = DataCollatorWithPadding(tokenizer)
    loaders = []
    for i, split in enumerate(splits):
        enc = split.map(tok, batched=True, remove_columns=["text", "ticket_id"])
        enc = enc.rename_column("label", "labels").with_format("torch")
        loaders.append(DataLoader(enc, batch_size=batch_size if i == 0 else batch_size * 2,
                                  shuffle=(i == 0), collate_fn=collator, generator=generator))
    return loaders
