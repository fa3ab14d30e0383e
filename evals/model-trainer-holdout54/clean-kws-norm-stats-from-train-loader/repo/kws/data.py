from pathlib import Path

import torch
import torchaudio
from torch.utils.data import Dataset

UNKNOWN = "_unknown_"


def official_splits(root):
    """Speech Commands ships speaker-disjoint validation_list.txt / testing_list.txt; the rest is training."""
    root = Path(root)
    val = set(root.joinpath("validation_list.txt").read_text().split())
    test = set(root.joinpath("testing_list.txt").read_text().split())
    all_clips = sorted(str(p.relative_to(root)) for p in root.glob("*/*.wav") if not p.parent.name.startswith("_"))
    train = [c for c in all_clips if c not in val and c not in test]
    return {"train": train, "val": sorted(val), "test": sorted(test)}


class KeywordClips(Dataset):
    def __init__(self, root, clips, keywords, sample_rate=16000, n_mels=40, n_fft=480, hop_length=160):
        self.root = Path(root)
        self.clips = clips
        self.labels = list(keywords) + [UNKNOWN]
        self.keywords = set(keywords)
        self.sample_rate = sample_rate
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=n_fft, hop_length=hop_length, n_mels=n_mels)
        self.mean = None
        self.std = None

    def __len__(self):
        return len(self.clips)

    def label_of(self, clip):
        word = clip.split("/")[0]
        return self.labels.index(word) if word in self.keywords else self.labels.index(UNKNOWN)

    def __getitem__(self, i):
        wav, _ = torchaudio.load(self.root / self.clips[i])
        wav = torch.nn.functional.pad(wav, (0, self.sample_rate - wav.shape[1]))[:, : self.sample_rate]
        feats = torch.log(self.mel(wav) + 1e-6)
        if self.mean is not None:
            feats = (feats - self.mean) / self.std
        return feats, self.label_of(self.clips[i])
