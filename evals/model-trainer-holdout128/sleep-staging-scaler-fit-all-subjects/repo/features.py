"""Epoching + spectral features for Sleep-EDF (sleep cassette)."""
import mne
import numpy as np
from scipy.signal import welch
from sklearn.preprocessing import StandardScaler

ANNOT_MAP = {
    "Sleep stage W": 1,
    "Sleep stage 1": 2,
    "Sleep stage 2": 3,
    "Sleep stage 3": 4,
    "Sleep stage 4": 4,
    "Sleep stage R": 5,
}
EVENT_ID = {"W": 1, "N1": 2, "N2": 3, "N3/4": 4, "REM": 5}
BANDS = {"delta": (0.5, 4.5), "theta": (4.5, 8.5), "alpha": (8.5, 11.5),
         "sigma": (11.5, 15.5), "beta": (15.5, 30.0)}


def load_subject_epochs(psg_file, hyp_file, channels, epoch_sec=30.0):
    raw = mne.io.read_raw_edf(psg_file, stim_channel="Event marker", infer_types=True, preload=True)
    annot = mne.read_annotations(hyp_file)
    # keep 30 min of wake before first / after last sleep epoch
    annot.crop(annot[1]["onset"] - 30 * 60, annot[-2]["onset"] + 30 * 60)
    raw.set_annotations(annot, emit_warning=False)
    raw.pick(channels)
    events, _ = mne.events_from_annotations(raw, event_id=ANNOT_MAP, chunk_duration=epoch_sec)
    present = {k: v for k, v in EVENT_ID.items() if v in events[:, 2]}
    tmax = epoch_sec - 1.0 / raw.info["sfreq"]
    epochs = mne.Epochs(raw, events, event_id=present, tmin=0.0, tmax=tmax,
                        baseline=None, preload=True, verbose="error")
    return epochs


def band_power_features(epochs):
    data = epochs.get_data(units="uV")
    sfreq = epochs.info["sfreq"]
    freqs, psd = welch(data, fs=sfreq, nperseg=int(4 * sfreq), axis=-1)
    total = psd[..., (freqs >= 0.5) & (freqs <= 30)].sum(axis=-1)
    feats = []
    for lo, hi in BANDS.values():
        band = psd[..., (freqs >= lo) & (freqs < hi)].sum(axis=-1)
        feats.append(band / total)
    feats.append(np.log10(total))
    X = np.stack(feats, axis=-1)  # (n_epochs, n_channels, n_feats)
    return X.reshape(len(X), -1)


def standardize(X):
    scaler = StandardScaler()
    X_std = scaler.fit_transform(X)
    return X_std, scaler
