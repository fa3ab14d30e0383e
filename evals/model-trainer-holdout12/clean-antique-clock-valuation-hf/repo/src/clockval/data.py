"""Auction lots of antique clocks -> value band (under_1k / 1k_5k / over_5k hammer price)."""
import pandas as pd
from datasets import Dataset, DatasetDict


def lot_text(row, fields):
    return " \n".join(f"{f.replace('_', ' ')}: {row[f]}" for f in fields if isinstance(row[f], str))


def load_splits(cfg) -> DatasetDict:
    lots = pd.read_csv(cfg["lots_csv"])
    lots = lots.drop_duplicates(subset=["lot_id"])
    lots["text"] = lots.apply(lot_text, axis=1, fields=cfg["text_fields"])
    ds = Dataset.from_pandas(lots[["lot_id", "text", cfg["label_field"]]], preserve_index=False)
    ds = ds.rename_column(cfg["label_field"], "label").class_encode_column("label")

    first = ds.train_test_split(test_size=cfg["test_size"], seed=cfg["seed"], stratify_by_column="label")
    rel_val = cfg["val_size"] / (1.0 - cfg["test_size"])
    second = first["train"].train_test_split(test_size=rel_val, seed=cfg["seed"], stratify_by_column="label")
    return DatasetDict(train=second["train"], validation=second["test"], test=first["test"])
