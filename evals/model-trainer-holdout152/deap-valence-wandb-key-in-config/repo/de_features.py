import pickle
from pathlib import Path

import numpy as np
from scipy.signal import butter, sosfiltfilt


def load_subject(deap_dir, subject):
    with open(Path(deap_dir) / f"s{subject:02d}.dat", "rb") as f:
        d = pickle.load(f, encoding="latin1")
    return d["data"], d["labels"]  # (40, 40, 8064), (40, 4) valence/arousal/dominance/liking


def differential_entropy(x):
    # DE of a Gaussian signal: 0.5 * log(2 * pi * e * var)
    return 0.5 * np.log(2 * np.pi * np.e * np.var(x, axis=-1))


def subject_features(data, cfg):
    sf = cfg["data"]["sfreq"]
    n_ch = cfg["data"]["n_eeg_channels"]
    eeg = data[:, :n_ch, cfg["data"]["baseline_seconds"] * sf:]   # drop the 3 s pre-trial baseline
    win = cfg["data"]["window_seconds"] * sf
    n_win = eeg.shape[-1] // win
    feats = []
    for lo, hi in cfg["features"]["bands"].values():
        sos = butter(4, [lo, hi], btype="bandpass", fs=sf, output="sos")
        filt = sosfiltfilt(sos, eeg, axis=-1)
        windows = filt[..., : n_win * win].reshape(*filt.shape[:2], n_win, win)
        feats.append(differential_entropy(windows).mean(axis=-1))   # average DE over windows
    return np.concatenate(feats, axis=1)   # (40 trials, n_ch * n_bands)


def build(cfg, subjects=range(1, 33)):
    X, y, groups = [], [], []
    label_idx = ["valence", "arousal", "dominance", "liking"].index(cfg["data"]["label"])
    for s in subjects:
        data, labels = load_subject(cfg["data"]["deap_dir"], s)
        X.append(subject_features(data, cfg))
        y.append((labels[:, label_idx] > cfg["data"]["threshold"]).astype(int))
        groups.append(np.full(len(labels), s))
    return np.concatenate(X), np.concatenate(y), np.concatenate(groups)
