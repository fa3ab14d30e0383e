"""Slice continuous recordings into 2 s windows (1 s hop) and compute per-window log-mel statistics."""
import glob
import os

import librosa
import numpy as np
import pandas as pd

SR, WIN, HOP = 24000, 2.0, 1.0


def file_start_time(path):
    # AudioMoth names files YYYYMMDD_HHMMSS.WAV
    return pd.to_datetime(os.path.basename(path)[:15], format="%Y%m%d_%H%M%S")


def window_stats(seg):
    mel = librosa.power_to_db(librosa.feature.melspectrogram(y=seg, sr=SR, n_fft=1024, hop_length=256, n_mels=48))
    onset = librosa.onset.onset_strength(S=mel, sr=SR)
    return np.r_[mel.mean(1), mel.max(1) - mel.mean(1), onset.max(), onset.std()]


def main():
    ann = pd.read_csv("data/pam/gunshot_annotations.csv", parse_dates=["start", "end"])
    rows = []
    for path in sorted(glob.glob("data/pam/recordings/*/*.WAV")):
        recorder = path.split(os.sep)[-2]
        start = file_start_time(path)
        y, _ = librosa.load(path, sr=SR)
        events = ann[ann["recorder"] == recorder]
        for k in range(int((len(y) / SR - WIN) // HOP) + 1):
            t0 = start + pd.Timedelta(seconds=k * HOP)
            t1 = t0 + pd.Timedelta(seconds=WIN)
            label = int(((events["start"] < t1) & (events["end"] > t0)).any())
            seg = y[int(k * HOP * SR): int((k * HOP + WIN) * SR)]
            rows.append({"recorder": recorder, "timestamp": t0, "label": label,
                         **{f"f{i}": v for i, v in enumerate(window_stats(seg))}})
    pd.DataFrame(rows).to_parquet("data/pam/windows.parquet", index=False)


if __name__ == "__main__":
    main()
