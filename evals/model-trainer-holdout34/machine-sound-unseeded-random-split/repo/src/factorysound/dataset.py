import pandas as pd
import torch
import torchaudio
from torch.utils.data import Dataset, random_split


class ClipDataset(Dataset):
    def __init__(self, manifest: str, sample_rate: int, n_mels: int, clip_seconds: float = 5.0):
        self.df = pd.read_csv(manifest)
        self.classes = sorted(self.df.label.unique())
        self.sr = sample_rate
        self.n_samples = int(sample_rate * clip_seconds)
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=1024, hop_length=320, n_mels=n_mels)
        self.db = torchaudio.transforms.AmplitudeToDB()

    def __len__(self):
        return len(self.df)

    def __getitem__(self, i):
        row = self.df.iloc[i]
        wav, sr = torchaudio.load(row.path)
        wav = torchaudio.functional.resample(wav.mean(0, keepdim=True), sr, self.sr)
        wav = torch.nn.functional.pad(wav, (0, max(0, self.n_samples - wav.shape[1])))[:, : self.n_samples]
        spec = self.db(self.mel(wav))
        spec = (spec - spec.mean()) / (spec.std() + 1e-5)
        return spec, self.classes.index(row.label)


def split_dataset(ds: ClipDataset, val_frac: float, test_frac: float):
    n = len(ds)
    n_val, n_test = int(n * val_frac), int(n * test_frac)
    return random_split(ds, [n - n_val - n_test, n_val, n_test])
