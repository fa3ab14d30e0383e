from pathlib import Path

import pandas as pd
import torch
import torchaudio
from torch.utils.data import Dataset

SR = 22050


class ESC50(Dataset):
    """ESC-50 clips of the given official folds (5 s, 50 classes, 40 clips per class)."""

    def __init__(self, root, folds):
        root = Path(root)
        meta = pd.read_csv(root / "meta" / "esc50.csv")
        self.meta = meta[meta.fold.isin(folds)].reset_index(drop=True)
        self.audio_dir = root / "audio"
        self.mel = torchaudio.transforms.MelSpectrogram(SR, n_fft=1024, hop_length=512, n_mels=128)
        self.db = torchaudio.transforms.AmplitudeToDB(top_db=80)

    def __len__(self):
        return len(self.meta)

    def __getitem__(self, i):
        row = self.meta.iloc[i]
        wav, sr = torchaudio.load(self.audio_dir / row.filename)
        wav = torchaudio.functional.resample(wav.mean(0, keepdim=True), sr, SR)
        spec = self.db(self.mel(wav))
        spec = (spec - spec.mean()) / (spec.std() + 1e-6)   # per-clip standardisation
        return spec, torch.tensor(row.target)
