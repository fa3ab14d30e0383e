import pandas as pd
import torch
import torchaudio
from torch.utils.data import Dataset

GENRES = ["blues", "classical", "country", "disco", "hiphop",
          "jazz", "metal", "pop", "reggae", "rock"]


class GTZANSegments(Dataset):
    """Fixed-length excerpts taken from tracks of one split (split assigned per track)."""

    def __init__(self, audio_dir, split_csv, split, sample_rate=22050, segment_seconds=3.0, random_crop=False):
        table = pd.read_csv(split_csv)
        self.table = table[table["split"] == split].reset_index(drop=True)
        self.audio_dir = audio_dir
        self.sample_rate = sample_rate
        self.seg_len = int(sample_rate * segment_seconds)
        self.random_crop = random_crop
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=2048, hop_length=512, n_mels=128)
        self.db = torchaudio.transforms.AmplitudeToDB()

    def __len__(self):
        return len(self.table)

    def __getitem__(self, idx):
        row = self.table.iloc[idx]
        wav, sr = torchaudio.load(f"{self.audio_dir}/{row['genre']}/{row['filename']}")
        if sr != self.sample_rate:
            wav = torchaudio.functional.resample(wav, sr, self.sample_rate)
        wav = wav.mean(0, keepdim=True)
        if self.random_crop:
            start = torch.randint(0, max(1, wav.shape[1] - self.seg_len), (1,)).item()
        else:
            start = max(0, (wav.shape[1] - self.seg_len) // 2)
        seg = wav[:, start:start + self.seg_len]
        spec = self.db(self.mel(seg))
        spec = (spec - spec.mean()) / (spec.std() + 1e-6)
        return spec, GENRES.index(row["genre"])
