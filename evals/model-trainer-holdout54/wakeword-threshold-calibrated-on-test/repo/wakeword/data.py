import pandas as pd
import torch
import torchaudio
from torch.utils.data import Dataset


class WindowManifest(Dataset):
    """Rows: path, label (1 = wake word), duration_s. Negatives are 1.5 s windows cut from background speech/TV."""

    def __init__(self, csv_path, sample_rate=16000, window_seconds=1.5, n_mels=40):
        self.df = pd.read_csv(csv_path)
        self.n = int(sample_rate * window_seconds)
        self.fe = torch.nn.Sequential(
            torchaudio.transforms.MelSpectrogram(sample_rate, n_fft=400, hop_length=160, n_mels=n_mels),
            torchaudio.transforms.AmplitudeToDB(),
        )

    def __len__(self):
        return len(self.df)

    def hours_of_negatives(self):
        neg = self.df[self.df["label"] == 0]
        return neg["duration_s"].sum() / 3600.0

    def __getitem__(self, i):
        row = self.df.iloc[i]
        wav, _ = torchaudio.load(row["path"])
        wav = torch.nn.functional.pad(wav[:, : self.n], (0, max(0, self.n - wav.shape[1])))
        mel = self.fe(wav).squeeze(0).transpose(0, 1)  # (frames, n_mels)
        mel = mel - mel.mean(dim=0, keepdim=True)
        return mel, torch.tensor(float(row["label"]))
