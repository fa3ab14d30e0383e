"""LSA64 (Argentinian Sign Language). Files are named SSS_PPP_RRR.mp4 = sign_signer_repetition."""
import glob
import os

import av
import numpy as np
import torch
from torch.utils.data import Dataset


def parse_name(path):
    sign, signer, rep = os.path.basename(path).split(".")[0].split("_")
    return int(sign) - 1, int(signer), int(rep)


def list_videos(data_dir, signers):
    out = []
    for p in sorted(glob.glob(os.path.join(data_dir, "*.mp4"))):
        label, signer, _ = parse_name(p)
        if signer in signers:
            out.append((p, label))
    return out


def decode_uniform(path, num_frames):
    with av.open(path) as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    idx = np.linspace(0, len(frames) - 1, num_frames).round().astype(int)
    return [frames[i] for i in idx]


class LSA64Clips(Dataset):
    def __init__(self, items, processor, num_frames=16):
        self.items, self.processor, self.num_frames = items, processor, num_frames

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        path, label = self.items[i]
        frames = decode_uniform(path, self.num_frames)
        pixel_values = self.processor(frames, return_tensors="pt")["pixel_values"][0]
        return {"pixel_values": pixel_values, "labels": torch.tensor(label)}
