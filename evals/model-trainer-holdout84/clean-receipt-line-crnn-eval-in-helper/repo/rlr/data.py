import numpy as np
import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset


class Vocab:
    def __init__(self, texts):
        self.symbols = sorted(set("".join(texts)))
        self.to_id = {s: i + 1 for i, s in enumerate(self.symbols)}

    def __len__(self):
        return len(self.symbols) + 1

    def encode(self, text):
        return [self.to_id[c] for c in text if c in self.to_id]

    def decode(self, ids):
        chars, last = [], 0
        for i in ids:
            if i and i != last:
                chars.append(self.symbols[i - 1])
            last = i
        return "".join(chars)


class LineCrops(Dataset):
    def __init__(self, manifest: pd.DataFrame, vocab: Vocab, height: int):
        self.rows = manifest.reset_index(drop=True)
        self.vocab, self.height = vocab, height

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        r = self.rows.iloc[i]
        img = Image.open(r["crop_path"]).convert("L")
        img = img.resize((max(16, round(img.width * self.height / img.height)), self.height))
        x = 1.0 - torch.from_numpy(np.asarray(img, dtype=np.float32) / 255.0)
        return x[None], torch.tensor(self.vocab.encode(r["text"])), r["text"]


def pad_collate(batch):
    xs, ys, texts = zip(*batch)
    w = max(x.shape[-1] for x in xs)
    out = torch.zeros(len(xs), 1, xs[0].shape[1], w)
    for k, x in enumerate(xs):
        out[k, ..., : x.shape[-1]] = x
    return out, torch.cat(ys), torch.tensor([len(y) for y in ys]), list(texts)
