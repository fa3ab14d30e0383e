import json
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupShuffleSplit


def sequence_of(file_name: str) -> str:
    # "seq_0412/frame_00031.jpeg" -> "seq_0412"
    return Path(file_name).parts[0]


def split_by_sequence(coco: dict, val_size: float, test_size: float, seed: int):
    images = coco["images"]
    ids = np.array([im["id"] for im in images])
    groups = np.array([sequence_of(im["file_name"]) for im in images])
    outer = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    trval, test = next(outer.split(ids, groups=groups))
    inner = GroupShuffleSplit(n_splits=1, test_size=val_size / (1.0 - test_size), random_state=seed)
    tr, va = next(inner.split(ids[trval], groups=groups[trval]))
    split_ids = {"train": ids[trval][tr], "val": ids[trval][va], "test": ids[test]}
    for a, b in [("train", "val"), ("train", "test"), ("val", "test")]:
        assert not set(groups[np.isin(ids, split_ids[a])]) & set(groups[np.isin(ids, split_ids[b])])
    return {k: v.tolist() for k, v in split_ids.items()}


def write_subset(coco: dict, image_ids, path):
    keep = set(image_ids)
    sub = {"images": [im for im in coco["images"] if im["id"] in keep],
           "annotations": [a for a in coco["annotations"] if a["image_id"] in keep],
           "categories": coco["categories"]}
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    json.dump(sub, open(path, "w"))
