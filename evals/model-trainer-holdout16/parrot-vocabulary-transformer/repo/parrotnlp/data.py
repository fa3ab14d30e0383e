from datasets import load_dataset, ClassLabel
from transformers import AutoTokenizer

from .settings import MODEL_NAME, LABELS, MAX_LEN, SEED


def build_splits():
    raw = load_dataset("csv", data_files={"all": "data/transcripts.csv"})["all"]
    raw = raw.cast_column("label", ClassLabel(names=LABELS))
    parts = raw.train_test_split(test_size=0.2, seed=SEED, stratify_by_column="label")
    tok = AutoTokenizer.from_pretrained(MODEL_NAME)

    def enc(batch):
        return tok(batch["utterance"], truncation=True, max_length=MAX_LEN)

    parts = parts.map(enc, batched=True)
    return parts["train"], parts["test"], tok
