"""Binary detector for Magicicada chorus in 10 s AudioMoth clips.

Raw waveforms -> torchaudio mel front end on GPU. The card only fits 8 clips at 48 kHz with
this model, so gradients are accumulated over ACCUM micro-batches (effective batch 64).
"""
import argparse
import random

import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torchaudio
from sklearn.metrics import average_precision_score, roc_auc_score
from torch.utils.data import DataLoader, Dataset

SR = 48000
ACCUM = 8


class Clips(Dataset):
    def __init__(self, df):
        self.paths, self.labels = df["path"].tolist(), df["chorus"].astype("float32").tolist()

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        wav, sr = torchaudio.load(self.paths[i])
        wav = torchaudio.functional.resample(wav.mean(0), sr, SR) if sr != SR else wav.mean(0)
        wav = torch.nn.functional.pad(wav, (0, max(0, 10 * SR - wav.numel())))[: 10 * SR]
        return wav, torch.tensor(self.labels[i])


class Detector(nn.Module):
    def __init__(self):
        super().__init__()
        self.mel = torchaudio.transforms.MelSpectrogram(SR, n_fft=2048, hop_length=480, n_mels=128, f_min=500)
        self.db = torchaudio.transforms.AmplitudeToDB(top_db=80)
        self.cnn = nn.Sequential(
            nn.Conv2d(1, 32, 5, padding=2), nn.BatchNorm2d(32), nn.GELU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.GELU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 128, 3, padding=1), nn.BatchNorm2d(128), nn.GELU(),
            nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Dropout(0.3), nn.Linear(128, 1),
        )

    def forward(self, wav):
        return self.cnn(self.db(self.mel(wav)).unsqueeze(1)).squeeze(1)


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    ys, ps = [], []
    for wav, y in loader:
        ps.append(torch.sigmoid(model(wav.to(device))).cpu())
        ys.append(y)
    y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
    return roc_auc_score(y, p), average_precision_score(y, p)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", default="data/clips_index.csv")   # path, chorus, split (split by county)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    index = pd.read_csv(args.index)
    loaders = {s: DataLoader(Clips(index[index["split"] == s]), batch_size=8, shuffle=(s == "train"),
                             num_workers=4, drop_last=(s == "train"))
               for s in ("train", "val", "test")}

    model = Detector().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=5e-4, weight_decay=1e-2)
    loss_fn = nn.BCEWithLogitsLoss()

    best_ap = -1.0
    for epoch in range(args.epochs):
        model.train()
        opt.zero_grad(set_to_none=True)
        for step, (wav, y) in enumerate(loaders["train"]):
            loss = loss_fn(model(wav.to(device)), y.to(device)) / ACCUM
            loss.backward()
            if (step + 1) % ACCUM == 0:
                nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                opt.step()
                opt.zero_grad(set_to_none=True)

        val_auc, val_ap = score(model, loaders["val"], device)
        print(f"epoch {epoch:02d}  val AUC {val_auc:.3f}  val AP {val_ap:.3f}")
        if val_ap > best_ap:
            best_ap = val_ap
            torch.save(model.state_dict(), "cicada_best.pt")

    model.load_state_dict(torch.load("cicada_best.pt", map_location=device))
    test_auc, test_ap = score(model, loaders["test"], device)
    print(f"test (held-out counties)  AUC {test_auc:.3f}  AP {test_ap:.3f}")


if __name__ == "__main__":
    main()
