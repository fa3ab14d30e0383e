import csv
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


def read_split(tsv_path, tag_prefix):
    """MTG-Jamendo split files: TRACK_ID, ARTIST_ID, ALBUM_ID, PATH, DURATION, TAGS..."""
    rows = []
    with open(tsv_path) as f:
        reader = csv.reader(f, delimiter="\t")
        next(reader)
        for r in reader:
            tags = [t[len(tag_prefix):] for t in r[5:] if t.startswith(tag_prefix)]
            if tags:
                rows.append((r[0], r[3], tags))
    return rows


class EmbeddingTagDataset(Dataset):
    def __init__(self, rows, emb_dir, tag_vocab):
        self.rows = rows
        self.emb_dir = Path(emb_dir)
        self.tag_index = {t: i for i, t in enumerate(tag_vocab)}

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        _, path, tags = self.rows[i]
        emb = np.load(self.emb_dir / path.replace(".mp3", ".npy"))  # (frames, 1280)
        x = torch.from_numpy(emb.mean(axis=0).astype(np.float32))
        y = torch.zeros(len(self.tag_index))
        for t in tags:
            if t in self.tag_index:
                y[self.tag_index[t]] = 1.0
        return x, y
