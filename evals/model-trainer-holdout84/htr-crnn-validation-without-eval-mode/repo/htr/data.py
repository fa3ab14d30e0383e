from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch.utils.data import Dataset

BLANK = 0


class Charset:
    def __init__(self, chars):
        self.chars = sorted(set(chars))
        self.idx = {c: i + 1 for i, c in enumerate(self.chars)}  # 0 is the CTC blank

    def __len__(self):
        return len(self.chars) + 1

    def encode(self, text):
        return [self.idx[c] for c in text if c in self.idx]

    def decode_greedy(self, seq):
        out, prev = [], BLANK
        for s in seq:
            if s != prev and s != BLANK:
                out.append(self.chars[s - 1])
            prev = s
        return "".join(out)


def read_split(root, split_file):
    ids = set(Path(root, split_file).read_text().split())
    samples = []
    for line in Path(root, "ascii/lines.txt").read_text().splitlines():
        if line.startswith("#"):
            continue
        parts = line.split(" ")
        line_id, status, text = parts[0], parts[1], " ".join(parts[8:]).replace("|", " ")
        form_id = "-".join(line_id.split("-")[:2])
        if form_id in ids or line_id.rsplit("-", 1)[0] in ids:
            samples.append((line_id, text))
    return samples


class IamLines(Dataset):
    def __init__(self, root, samples, charset, img_height=64, max_width=1024):
        self.root, self.samples, self.charset = Path(root), samples, charset
        self.h, self.max_w = img_height, max_width

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, i):
        line_id, text = self.samples[i]
        a, b = line_id.split("-")[:2]
        img = Image.open(self.root / "lines" / a / f"{a}-{b}" / f"{line_id}.png").convert("L")
        w = min(self.max_w, max(32, int(img.width * self.h / img.height)))
        img = np.asarray(img.resize((w, self.h)), dtype=np.float32) / 255.0
        img = torch.from_numpy(1.0 - img).unsqueeze(0)   # ink = 1
        return img, torch.tensor(self.charset.encode(text), dtype=torch.long), text


def collate(batch):
    imgs, targets, texts = zip(*batch)
    max_w = max(im.shape[-1] for im in imgs)
    padded = torch.zeros(len(imgs), 1, imgs[0].shape[1], max_w)
    for k, im in enumerate(imgs):
        padded[k, :, :, : im.shape[-1]] = im
    target_lengths = torch.tensor([len(t) for t in targets], dtype=torch.long)
    return padded, torch.cat(targets), target_lengths, list(texts)
