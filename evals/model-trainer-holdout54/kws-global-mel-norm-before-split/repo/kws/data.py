import os
from pathlib import Path

import torch
import torchaudio
from torch.utils.data import Dataset

UNKNOWN = "_unknown_"


def list_clips(root, keywords):
    """Collect (path, label) pairs; words outside the keyword set become _unknown_."""
    items = []
    for word_dir in sorted(Path(root).iterdir()):
        if not word_dir.is_dir() or word_dir.name.startswith("_"):
            continue
        label = word_dir.name if word_dir.name in keywords else UNKNOWN
        for wav in sorted(word_dir.glob("*.wav")):
            items.append((str(wav), label))
    return items


class LogMelClips(Dataset):
    def __init__(self, items, classes, sample_rate=16000, clip_seconds=1.0,
                 n_fft=480, hop_length=160, n_mels=40):
        self.items = items
        self.class_to_idx = {c: i for i, c in enumerate(classes)}
        self.num_samples = int(sample_rate * clip_seconds)
        self.melspec = torchaudio.transforms.MelSpectrogram(
            sample_rate=sample_rate, n_fft=n_fft, hop_length=hop_length, n_mels=n_mels)
        self.to_db = torchaudio.transforms.AmplitudeToDB(top_db=80)
        self.mean = None
        self.std = None

    def set_normalization(self, mean, std):
        self.mean, self.std = mean, std

    def __len__(self):
        return len(self.items)

    def _load(self, path):
        wav, sr = torchaudio.load(path)
        wav = wav.mean(dim=0, keepdim=True)
        if wav.shape[1] < self.num_samples:
            wav = torch.nn.functional.pad(wav, (0, self.num_samples - wav.shape[1]))
        return wav[:, : self.num_samples]

    def log_mel(self, idx):
        path, _ = self.items[idx]
        return self.to_db(self.melspec(self._load(path)))

    def __getitem__(self, idx):
        feats = self.log_mel(idx)
        if self.mean is not None:
            feats = (feats - self.mean) / self.std
        label = self.class_to_idx[self.items[idx][1]]
        return feats, label


def compute_norm_stats(dataset):
    """Per-mel-bin mean/std over every frame in the dataset."""
    total, total_sq, n_frames = 0.0, 0.0, 0
    for i in range(len(dataset)):
        feats = dataset.log_mel(i)[0]  # (n_mels, frames)
        total = total + feats.sum(dim=1)
        total_sq = total_sq + (feats ** 2).sum(dim=1)
        n_frames += feats.shape[1]
    mean = total / n_frames
    std = torch.sqrt(total_sq / n_frames - mean ** 2).clamp_min(1e-5)
    return mean[None, :, None], std[None, :, None]
