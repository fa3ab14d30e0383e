from datasets import load_dataset

LABELS = ["BACKGROUND", "OBJECTIVE", "METHODS", "RESULTS", "CONCLUSIONS"]
DATA_FILES = {
    "train": "data/pubmed20k/train.jsonl",
    "dev": "data/pubmed20k/dev.jsonl",
    "test": "data/pubmed20k/test.jsonl",
}


def load_rct():
    """Official PubMed 20k RCT split (abstract-disjoint train/dev/test)."""
    ds = load_dataset("json", data_files=DATA_FILES)
    return ds.map(lambda ex: {"label": LABELS.index(ex["role"])})
