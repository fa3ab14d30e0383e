import json

import torch
import torchaudio
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import Dataset


class ManifestDataset(Dataset):
    def __init__(self, manifest, vocab, max_seconds=None, spec_augment=False):
        with open(manifest) as f:
            rows = [json.loads(line) for line in f]
        if max_seconds is not None:
            rows = [r for r in rows if r["duration"] <= max_seconds]
        self.rows = rows
        self.char2idx = {c: i + 1 for i, c in enumerate(vocab)}
        self.fbank = torchaudio.transforms.MelSpectrogram(16000, n_fft=400, hop_length=160, n_mels=80)
        self.augment = torch.nn.Sequential(
            torchaudio.transforms.FrequencyMasking(27),
            torchaudio.transforms.TimeMasking(50, p=0.05),
            torchaudio.transforms.TimeMasking(50, p=0.05),
        ) if spec_augment else None

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        row = self.rows[i]
        wav, sr = torchaudio.load(row["audio"])
        wav = torchaudio.functional.resample(wav, sr, 16000)
        feats = (self.fbank(wav) + 1e-6).log()
        feats = (feats - feats.mean(-1, keepdim=True)) / (feats.std(-1, keepdim=True) + 1e-5)
        if self.augment is not None:
            feats = self.augment(feats)
        target = torch.tensor([self.char2idx[c] for c in row["text"] if c in self.char2idx])
        return feats.squeeze(0).T, target, row["text"]


def collate(batch):
    feats, targets, texts = zip(*batch)
    return (pad_sequence(feats, batch_first=True), torch.tensor([f.shape[0] for f in feats]),
            pad_sequence(targets, batch_first=True), torch.tensor([len(t) for t in targets]), list(texts))
