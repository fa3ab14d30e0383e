import pandas as pd
import torch
import torchaudio
from torch.utils.data import Dataset


class SpecAugment(torch.nn.Module):
    def __init__(self, freq_mask=16, time_mask=40, n_masks=2):
        super().__init__()
        self.masks = torch.nn.Sequential(*(
            [torchaudio.transforms.FrequencyMasking(freq_mask) for _ in range(n_masks)]
            + [torchaudio.transforms.TimeMasking(time_mask) for _ in range(n_masks)]))

    def forward(self, spec):
        return self.masks(spec)


class UrbanSoundFolds(Dataset):
    def __init__(self, root, folds, sample_rate=22050, clip_seconds=4.0, augment=None, gain_db=0.0):
        meta = pd.read_csv(f"{root}/metadata/UrbanSound8K.csv")
        self.meta = meta[meta["fold"].isin(folds)].reset_index(drop=True)
        self.root = root
        self.sr = sample_rate
        self.n = int(sample_rate * clip_seconds)
        self.augment = augment
        self.gain_db = gain_db
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=1024, hop_length=256, n_mels=96)
        self.to_db = torchaudio.transforms.AmplitudeToDB(top_db=80)

    def __len__(self):
        return len(self.meta)

    def __getitem__(self, i):
        row = self.meta.iloc[i]
        wav, sr = torchaudio.load(f"{self.root}/audio/fold{row.fold}/{row.slice_file_name}")
        wav = torchaudio.functional.resample(wav.mean(0, keepdim=True), sr, self.sr)
        wav = torch.nn.functional.pad(wav, (0, max(0, self.n - wav.shape[1])))[:, : self.n]
        if self.augment is not None and self.gain_db > 0:
            gain = (torch.rand(1) * 2 - 1) * self.gain_db
            wav = wav * (10 ** (gain / 20))
        spec = self.to_db(self.mel(wav))
        if self.augment is not None:
            spec = self.augment(spec)
        return spec, int(row.classID)
