"""Loading and offline augmentation helpers for ESC-50."""
from pathlib import Path

import librosa
import numpy as np
import pandas as pd


def load_metadata(root):
    meta = pd.read_csv(Path(root) / "meta" / "esc50.csv")
    return meta.sort_values("filename").reset_index(drop=True)


def load_waveforms(meta, root, sr=22050, duration=5.0):
    n_samples = int(sr * duration)
    waves = np.zeros((len(meta), n_samples), dtype=np.float32)
    for i, fname in enumerate(meta["filename"]):
        y, _ = librosa.load(Path(root) / "audio" / fname, sr=sr, mono=True)
        y = y[:n_samples]
        waves[i, : len(y)] = y
    return waves


def _time_shift(y, rng, max_frac=0.25):
    shift = int(rng.uniform(-max_frac, max_frac) * len(y))
    return np.roll(y, shift)


def _pitch_shift(y, sr, rng, max_steps=2.0):
    return librosa.effects.pitch_shift(y, sr=sr, n_steps=rng.uniform(-max_steps, max_steps))


def _add_noise(y, rng, snr_db=(15.0, 30.0)):
    power = np.mean(y ** 2) + 1e-10
    snr = 10 ** (rng.uniform(*snr_db) / 10)
    return y + rng.normal(0.0, np.sqrt(power / snr), size=y.shape).astype(np.float32)


def augment_waveforms(waves, labels, sr, n_copies=2, seed=0):
    """Return the original clips plus `n_copies` perturbed versions of each."""
    rng = np.random.default_rng(seed)
    all_waves, all_labels = [waves], [labels]
    for _ in range(n_copies):
        perturbed = np.stack(
            [_add_noise(_time_shift(_pitch_shift(w, sr, rng), rng), rng) for w in waves]
        )
        all_waves.append(perturbed.astype(np.float32))
        all_labels.append(labels)
    return np.concatenate(all_waves), np.concatenate(all_labels)


def waveforms_to_logmel(waves, sr, n_mels=128, n_fft=2048, hop_length=512):
    feats = []
    for w in waves:
        mel = librosa.feature.melspectrogram(
            y=w, sr=sr, n_fft=n_fft, hop_length=hop_length, n_mels=n_mels
        )
        feats.append(librosa.power_to_db(mel, ref=np.max))
    return np.stack(feats)[:, None, :, :].astype(np.float32)
