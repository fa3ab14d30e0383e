"""Log-mel front end shared by training and the field inference script."""
import librosa
import numpy as np

SR = 32000
N_MELS = 128
HOP = 320
CLIP_SECONDS = 5


def load_clip(path, offset=0.0):
    y, _ = librosa.load(path, sr=SR, mono=True, offset=offset, duration=CLIP_SECONDS)
    target = SR * CLIP_SECONDS
    if len(y) < target:
        y = np.pad(y, (0, target - len(y)))
    return y


def log_mel(y):
    S = librosa.feature.melspectrogram(y=y, sr=SR, n_fft=1024, hop_length=HOP,
                                       n_mels=N_MELS, fmin=150, fmax=15000)
    return librosa.power_to_db(S, ref=1.0, top_db=None).astype(np.float32)


def compute_norm_stats(specs):
    """Per-mel-bin mean/std over a stack of spectrograms (N, n_mels, frames)."""
    mean = specs.mean(axis=(0, 2), keepdims=True)[0]
    std = specs.std(axis=(0, 2), keepdims=True)[0] + 1e-6
    return mean, std


def normalise(specs, mean, std):
    return (specs - mean) / std
