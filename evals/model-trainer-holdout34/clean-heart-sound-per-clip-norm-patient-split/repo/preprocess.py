"""Cut each phonocardiogram into 4 s windows and compute a per-window standardised log-mel.

Standardisation uses each window's own mean/std (instance normalisation), so nothing here
depends on which recordings end up in train, validation or test.
"""
import librosa
import numpy as np
import pandas as pd
from scipy.signal import butter, sosfiltfilt

SR = 2000
WIN = 4 * SR
HOP = 2 * SR
SOS = butter(4, [25, 400], btype="bandpass", fs=SR, output="sos")


def windows_for(path):
    y, _ = librosa.load(path, sr=SR)
    y = sosfiltfilt(SOS, y)
    out = []
    for start in range(0, max(len(y) - WIN, 0) + 1, HOP):
        seg = y[start:start + WIN]
        if len(seg) < WIN:
            break
        m = librosa.power_to_db(librosa.feature.melspectrogram(y=seg, sr=SR, n_fft=256, hop_length=32, n_mels=48))
        out.append(((m - m.mean()) / (m.std() + 1e-6)).astype(np.float32))
    return out


def mfcc_summary(path):
    y, _ = librosa.load(path, sr=SR)
    mf = librosa.feature.mfcc(y=sosfiltfilt(SOS, y), sr=SR, n_mfcc=20, n_fft=256, hop_length=32)
    return np.r_[mf.mean(1), mf.std(1)]


def build(meta_csv="data/circor/recordings.csv", wav_dir="data/circor/wav", out="data/circor/windows.npz"):
    meta = pd.read_csv(meta_csv)  # recording, patient_id, location, murmur (0/1)
    X, rec_idx = [], []
    summaries = []
    for i, rec in enumerate(meta.recording):
        ws = windows_for(f"{wav_dir}/{rec}.wav")
        X.extend(ws)
        rec_idx.extend([i] * len(ws))
        summaries.append(mfcc_summary(f"{wav_dir}/{rec}.wav"))
    np.savez_compressed(out, X=np.stack(X), rec_idx=np.array(rec_idx), summaries=np.stack(summaries))


if __name__ == "__main__":
    build()
