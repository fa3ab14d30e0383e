import json
from pathlib import Path

from datasets import Dataset, Image


def load_jsonl_split(data_dir, split):
    rows = [json.loads(l) for l in Path(data_dir, f"{split}.jsonl").read_text().splitlines() if l.strip()]
    ds = Dataset.from_dict({
        "image": [str(Path(data_dir, r["crop"])) for r in rows],
        "text": [r["transcription"] for r in rows],
    })
    return ds.cast_column("image", Image())


def make_preprocess(processor, max_len):
    pad_id = processor.tokenizer.pad_token_id

    def preprocess(batch):
        pixel_values = processor(images=[im.convert("RGB") for im in batch["image"]],
                                 return_tensors="pt").pixel_values
        ids = processor.tokenizer(batch["text"], padding="max_length", truncation=True,
                                  max_length=max_len).input_ids
        return {"pixel_values": pixel_values,
                "labels": [[t if t != pad_id else -100 for t in seq] for seq in ids]}

    return preprocess
