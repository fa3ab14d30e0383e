import glob
import os

import pandas as pd
import torch
import torch.nn.functional as F
import torchaudio
from torch.utils.data import Dataset

EMOTIONS = ["ANG", "DIS", "FEA", "HAP", "NEU", "SAD"]


def crema_index(root):
    rows = []
    for p in sorted(glob.glob(os.path.join(root, "*.wav"))):
        actor, sent, emo, lvl = os.path.basename(p)[:-4].split("_")
        rows.append(dict(path=p, actor=int(actor), label=EMOTIONS.index(emo)))
    return pd.DataFrame(rows)


class LogMelDataset(Dataset):
    def __init__(self, df, sr=16000, n_mels=64, max_frames=300, train=False):
        self.paths = df.path.tolist()
        self.labels = df.label.tolist()
        self.sr, self.max_frames, self.train = sr, max_frames, train
        self.mel = torchaudio.transforms.MelSpectrogram(sr, n_fft=400, hop_length=160, n_mels=n_mels)
        self.to_db = torchaudio.transforms.AmplitudeToDB(top_db=80)
        self.specaug = torch.nn.Sequential(
            torchaudio.transforms.FrequencyMasking(freq_mask_param=10),
            torchaudio.transforms.TimeMasking(time_mask_param=40),
        )

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        wav, sr = torchaudio.load(self.paths[i])
        wav = wav.mean(0, keepdim=True)
        if sr != self.sr:
            wav = torchaudio.functional.resample(wav, sr, self.sr)
        spec = self.to_db(self.mel(wav))
        spec = (spec - spec.mean()) / (spec.std() + 1e-5)
        T = spec.shape[-1]
        if T > self.max_frames:
            start = torch.randint(0, T - self.max_frames + 1, (1,)).item() if self.train \
                else (T - self.max_frames) // 2
            spec = spec[..., start:start + self.max_frames]
        else:
            spec = F.pad(spec, (0, self.max_frames - T))
        if self.train:
            spec = self.specaug(spec)
        return spec, self.labels[i]
