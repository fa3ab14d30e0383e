"""Extract 64-d log-mels for every MSP-Podcast file and compute global CMVN stats."""
import os

import librosa
import numpy as np
import pandas as pd
import yaml

cfg = yaml.safe_load(open("config.yaml"))
os.makedirs(cfg["feat_dir"], exist_ok=True)

labels = pd.read_csv(cfg["labels_csv"])
labels = labels[labels.Split_Set.isin(["Train", "Development", "Test1"])]

sum_, sumsq, n = np.zeros(cfg["n_mels"]), np.zeros(cfg["n_mels"]), 0
for fname in labels.FileName:
    out = os.path.join(cfg["feat_dir"], fname.replace(".wav", ".npy"))
    if os.path.exists(out):
        S = np.load(out)
    else:
        y, sr = librosa.load(os.path.join(cfg["audio_dir"], fname), sr=cfg["sample_rate"])
        S = librosa.power_to_db(librosa.feature.melspectrogram(
            y=y, sr=sr, n_fft=512, hop_length=160, win_length=400, n_mels=cfg["n_mels"])).astype(np.float32)
        np.save(out, S)
    sum_ += S.sum(1)
    sumsq += (S ** 2).sum(1)
    n += S.shape[1]

mean = sum_ / n
std = np.sqrt(sumsq / n - mean ** 2)
np.savez(cfg["stats_path"], mean=mean, std=std)
print(f"{len(labels)} files, {n} frames -> {cfg['stats_path']}")
