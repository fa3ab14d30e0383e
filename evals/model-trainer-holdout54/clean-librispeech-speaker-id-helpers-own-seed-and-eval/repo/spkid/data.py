import random

import torch
import torchaudio
from torch.utils.data import Dataset


class SpeakerUtterances(Dataset):
    def __init__(self, manifest, split, speakers, crop_s=2.0, n_mels=64, sample_rate=16000):
        self.df = manifest[manifest["split"] == split].reset_index(drop=True)
        self.spk = {s: i for i, s in enumerate(speakers)}
        self.crop = int(crop_s * sample_rate)
        self.random_crop = split == "train"
        self.fbank = torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=512, hop_length=160, n_mels=n_mels)

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        wav, _ = torchaudio.load(row["path"])
        if wav.shape[1] < self.crop:
            wav = torch.nn.functional.pad(wav, (0, self.crop - wav.shape[1]))
        start = random.randint(0, wav.shape[1] - self.crop) if self.random_crop else (wav.shape[1] - self.crop) // 2
        x = torch.log(self.fbank(wav[:, start:start + self.crop]) + 1e-6)
        return x - x.mean(dim=-1, keepdim=True), self.spk[row["speaker"]]
