"""Log-mel feature extraction and cepstral mean/variance normalisation."""
import numpy as np
import torch
import torchaudio

SAMPLE_RATE = 16000


def load_clip(path, target_len=SAMPLE_RATE):
    wav, sr = torchaudio.load(str(path))
    if sr != SAMPLE_RATE:
        wav = torchaudio.functional.resample(wav, sr, SAMPLE_RATE)
    wav = wav.mean(dim=0)
    if wav.numel() < target_len:
        wav = torch.nn.functional.pad(wav, (0, target_len - wav.numel()))
    return wav[:target_len]


class LogMel:
    def __init__(self, n_mels=40, win_ms=25, hop_ms=10):
        self.mel = torchaudio.transforms.MelSpectrogram(
            sample_rate=SAMPLE_RATE,
            n_fft=512,
            win_length=int(SAMPLE_RATE * win_ms / 1000),
            hop_length=int(SAMPLE_RATE * hop_ms / 1000),
            n_mels=n_mels,
        )

    def __call__(self, wav):
        return torch.log(self.mel(wav) + 1e-6)


def compute_global_stats(feature_iter):
    """Per-mel-bin mean and std accumulated over (n_mels, frames) arrays."""
    total, total_sq, n_frames = None, None, 0
    for feats in feature_iter:
        f = np.asarray(feats, dtype=np.float64)
        if total is None:
            total = np.zeros(f.shape[0])
            total_sq = np.zeros(f.shape[0])
        total += f.sum(axis=1)
        total_sq += (f ** 2).sum(axis=1)
        n_frames += f.shape[1]
    mean = total / n_frames
    std = np.sqrt(np.maximum(total_sq / n_frames - mean ** 2, 1e-8))
    return mean.astype(np.float32), std.astype(np.float32)


def apply_cmvn(feats, mean, std):
    return (feats - mean[:, None]) / std[:, None]
