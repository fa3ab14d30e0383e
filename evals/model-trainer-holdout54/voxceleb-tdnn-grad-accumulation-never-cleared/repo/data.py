import random

import torch
import torchaudio
from torch.utils.data import Dataset

SPLIT_IDS = {"train": 1, "val": 2, "test": 3}


def read_iden_split(path, split):
    """VoxCeleb1 identification protocol: '<split_id> <speaker>/<video>/<utt>.wav' per line."""
    wanted = SPLIT_IDS[split]
    entries = []
    with open(path) as fh:
        for line in fh:
            sid, rel = line.split()
            if int(sid) == wanted:
                entries.append(rel)
    return entries


class VoxIdentification(Dataset):
    def __init__(self, root, entries, speakers, sample_rate=16000, crop_seconds=3.0, train=True):
        self.root, self.entries, self.train = root, entries, train
        self.spk_to_idx = {s: i for i, s in enumerate(speakers)}
        self.crop = int(sample_rate * crop_seconds)
        self.fbank = torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=512, win_length=400,
                                                          hop_length=160, n_mels=40)

    def __len__(self):
        return len(self.entries)

    def __getitem__(self, i):
        rel = self.entries[i]
        wav, _ = torchaudio.load(f"{self.root}/{rel}")
        if self.train and wav.shape[1] > self.crop:
            start = random.randint(0, wav.shape[1] - self.crop)
            wav = wav[:, start:start + self.crop]
        feats = torch.log(self.fbank(wav) + 1e-6).squeeze(0)
        feats = feats - feats.mean(dim=1, keepdim=True)  # per-utterance CMN
        return feats, self.spk_to_idx[rel.split("/")[0]]


def pad_collate(batch):
    frames = max(f.shape[1] for f, _ in batch)
    feats = torch.stack([torch.nn.functional.pad(f, (0, frames - f.shape[1])) for f, _ in batch])
    return feats, torch.tensor([y for _, y in batch])
