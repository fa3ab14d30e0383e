"""Waveform -> log-mel helpers. All functions here operate on a single clip."""
import librosa
import numpy as np


def load_clip(path, sr, seconds):
    y, _ = librosa.load(path, sr=sr, mono=True)
    return librosa.util.fix_length(y, size=int(sr * seconds))


def log_mel(y, sr, n_mels, hop_length):
    mel = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=4 * hop_length, hop_length=hop_length, n_mels=n_mels)
    return librosa.power_to_db(mel, ref=np.max, top_db=80.0)


def per_clip_standardize(spec):
    """Zero-mean / unit-variance within one clip (instance normalisation)."""
    return (spec - spec.mean()) / (spec.std() + 1e-6)


def clip_features(path, cfg):
    y = load_clip(path, cfg["sample_rate"], cfg["clip_seconds"])
    return per_clip_standardize(log_mel(y, cfg["sample_rate"], cfg["n_mels"], cfg["hop_length"]))
