import os

import pandas as pd
import torch
from PIL import Image
from torch.utils.data import Dataset


class CaptionPairs(Dataset):
    """One row per (image, caption) pair from the Karpathy-split manifest.

    Flickr30k has five captions per image, so an image appears five times.
    `image_ids` lets the retrieval metrics group captions of the same image.
    """

    def __init__(self, manifest, image_root, split, preprocess, tokenizer):
        df = pd.read_csv(manifest)
        df = df[df["split"] == split].reset_index(drop=True)
        if df.empty:
            raise ValueError(f"no rows for split {split!r} in {manifest}")
        self.paths = [os.path.join(image_root, name) for name in df["filename"]]
        self.captions = df["caption"].astype(str).tolist()
        self.image_ids = torch.as_tensor(pd.factorize(df["filename"])[0])
        self.preprocess = preprocess
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.captions)

    def __getitem__(self, idx):
        image = self.preprocess(Image.open(self.paths[idx]).convert("RGB"))
        tokens = self.tokenizer([self.captions[idx]])[0]
        return image, tokens, self.image_ids[idx]


def collate_pairs(batch):
    images, tokens, ids = zip(*batch)
    return torch.stack(images), torch.stack(tokens), torch.stack(ids)
