import json
import os
import random

from PIL import Image
from torch.utils.data import Dataset


def load_rsicd(annotation_file):
    """RSICD ships its own train/val/test assignment (Karpathy-style json)."""
    with open(annotation_file) as f:
        images = json.load(f)["images"]
    splits = {"train": [], "val": [], "test": []}
    for im in images:
        captions = [s["raw"].strip() for s in im["sentences"]]
        splits[im["split"]].append((im["filename"], captions))
    return splits


class RSICDTrain(Dataset):
    """Training view: one item per image, a random one of its five captions each epoch."""

    def __init__(self, items, image_dir, preprocess, tokenizer):
        self.items, self.image_dir = items, image_dir
        self.preprocess, self.tokenizer = preprocess, tokenizer

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        fname, captions = self.items[i]
        image = self.preprocess(Image.open(os.path.join(self.image_dir, fname)).convert("RGB"))
        return image, self.tokenizer([random.choice(captions)])[0]


class RSICDEval(Dataset):
    """Evaluation view: every image once; captions are encoded separately."""

    def __init__(self, items, image_dir, preprocess):
        self.items, self.image_dir, self.preprocess = items, image_dir, preprocess

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        fname, _ = self.items[i]
        return self.preprocess(Image.open(os.path.join(self.image_dir, fname)).convert("RGB"))
