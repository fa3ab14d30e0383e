"""Invoice pages annotated in Label Studio, exported as word-level boxes + BIO tags."""
import json
from pathlib import Path

from datasets import Dataset, DatasetDict, Features, Sequence, Value, ClassLabel, Image


def _normalize_box(box, width, height):
    x0, y0, x1, y1 = box
    return [
        int(1000 * x0 / width),
        int(1000 * y0 / height),
        int(1000 * x1 / width),
        int(1000 * y1 / height),
    ]


def _read_split(data_dir, split, label2id):
    rows = []
    for doc_id in Path(data_dir, f"{split}.txt").read_text().split():
        ann = json.loads(Path(data_dir, "annotations", f"{doc_id}.json").read_text())
        for page in ann["pages"]:
            rows.append({
                "id": f"{doc_id}_p{page['index']}",
                "image": str(Path(data_dir, "images", page["image"])),
                "words": [w["text"] for w in page["words"]],
                "bboxes": [_normalize_box(w["box"], page["width"], page["height"]) for w in page["words"]],
                "ner_tags": [label2id[w["label"]] for w in page["words"]],
            })
    return rows


def load_invoice_dataset(data_dir, labels):
    label2id = {l: i for i, l in enumerate(labels)}
    features = Features({
        "id": Value("string"),
        "image": Image(),
        "words": Sequence(Value("string")),
        "bboxes": Sequence(Sequence(Value("int64"))),
        "ner_tags": Sequence(ClassLabel(names=labels)),
    })
    return DatasetDict({
        split: Dataset.from_list(_read_split(data_dir, split, label2id), features=features)
        for split in ("train", "test")
    })
