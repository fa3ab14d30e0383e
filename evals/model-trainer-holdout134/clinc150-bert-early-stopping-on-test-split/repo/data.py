from datasets import load_dataset
from transformers import AutoTokenizer


def load_clinc(cfg):
    ds = load_dataset(cfg["dataset"], cfg["dataset_config"])
    label_names = ds[cfg["train_split"]].features[cfg["label_column"]].names
    return ds, label_names


def tokenize_splits(ds, cfg):
    tok = AutoTokenizer.from_pretrained(cfg["model_name"])

    def _tok(batch):
        return tok(batch[cfg["text_column"]], truncation=True, max_length=cfg["max_length"])

    ds = ds.map(_tok, batched=True)
    ds = ds.rename_column(cfg["label_column"], "labels")
    return ds, tok
