import json
import os
from collections import Counter, defaultdict

import nltk
import torch
from PIL import Image
from torch.utils.data import Dataset

SPECIALS = ["<pad>", "<start>", "<end>", "<unk>"]


def tokenize(text):
    return nltk.tokenize.word_tokenize(text.lower())


def build_vocab(ann_file, min_count):
    with open(ann_file) as f:
        anns = json.load(f)["annotations"]
    counter = Counter(tok for a in anns for tok in tokenize(a["caption"]))
    words = SPECIALS + sorted(w for w, c in counter.items() if c >= min_count)
    return {w: i for i, w in enumerate(words)}


class CocoCaptions(Dataset):
    def __init__(self, ann_file, image_dir, vocab, transform):
        with open(ann_file) as f:
            data = json.load(f)
        self.files = {img["id"]: img["file_name"] for img in data["images"]}
        self.anns = data["annotations"]
        self.refs = defaultdict(list)
        for a in self.anns:
            self.refs[a["image_id"]].append(tokenize(a["caption"]))
        self.image_dir, self.vocab, self.transform = image_dir, vocab, transform

    def __len__(self):
        return len(self.anns)

    def __getitem__(self, idx):
        ann = self.anns[idx]
        path = os.path.join(self.image_dir, self.files[ann["image_id"]])
        image = self.transform(Image.open(path).convert("RGB"))
        unk = self.vocab["<unk>"]
        ids = [self.vocab["<start>"]] + [self.vocab.get(t, unk) for t in tokenize(ann["caption"])] + [self.vocab["<end>"]]
        return image, torch.tensor(ids), ann["image_id"]


def collate_captions(batch):
    batch.sort(key=lambda b: len(b[1]), reverse=True)
    images, caps, image_ids = zip(*batch)
    lengths = [len(c) for c in caps]
    padded = torch.zeros(len(caps), max(lengths), dtype=torch.long)
    for i, c in enumerate(caps):
        padded[i, : len(c)] = c
    return torch.stack(images), padded, lengths, list(image_ids)
