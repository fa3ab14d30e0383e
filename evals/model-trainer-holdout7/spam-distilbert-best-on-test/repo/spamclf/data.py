from datasets import DatasetDict, load_from_disk
from transformers import AutoTokenizer


def encode(path: str, checkpoint: str, max_length: int):
    """Enron-spam dump saved with datasets.save_to_disk: splits 'train' (27.3k) and 'test' (6.8k)."""
    raw: DatasetDict = load_from_disk(path)
    raw = raw.map(lambda b: {"text": [f"{s or ''}\n\n{m or ''}" for s, m in zip(b["subject"], b["message"])]}, batched=True)
    tok = AutoTokenizer.from_pretrained(checkpoint)
    enc = raw.map(lambda b: tok(b["text"], truncation=True, max_length=max_length), batched=True,
                  remove_columns=["subject", "message", "text", "date"])
    return enc.rename_column("label_spam", "labels"), tok
