"""Spectral features for the cross-subject mental workload decoder."""
import numpy as np
import mne
from sklearn.preprocessing import StandardScaler

BANDS = {
    "theta": (4.0, 8.0),
    "alpha": (8.0, 13.0),
    "beta": (13.0, 30.0),
    "gamma": (30.0, 45.0),
}


def load_subject_epochs(fname, tmin=0.0, tmax=4.0):
    raw = mne.io.read_raw_fif(fname, preload=True, verbose="error")
    raw.set_eeg_reference("average", projection=False, verbose="error")
    raw.filter(1.0, 45.0, fir_design="firwin", verbose="error")
    events = mne.find_events(raw, stim_channel="STI 014", verbose="error")
    event_id = {"low_load": 1, "high_load": 2}
    epochs = mne.Epochs(raw, events, event_id, tmin=tmin, tmax=tmax,
                        baseline=None, reject=dict(eeg=150e-6), preload=True, verbose="error")
    return epochs


def band_power(epochs):
    """Log band power per channel and band -> (n_epochs, n_channels * n_bands)."""
    psd = epochs.compute_psd(method="welch", fmin=1.0, fmax=45.0, n_fft=512, verbose="error")
    psds, freqs = psd.get_data(return_freqs=True)
    feats = []
    for fmin, fmax in BANDS.values():
        idx = (freqs >= fmin) & (freqs < fmax)
        feats.append(np.log10(psds[:, :, idx].mean(axis=-1)))
    return np.concatenate(feats, axis=1)


def build_dataset(subject_files):
    X_all, y_all, groups = [], [], []
    for subj_id, fname in subject_files.items():
        epochs = load_subject_epochs(fname)
        X_all.append(band_power(epochs))
        y_all.append(epochs.events[:, 2] - 1)
        groups.append(np.full(len(epochs), subj_id))
    X = np.concatenate(X_all)
    y = np.concatenate(y_all)
    groups = np.concatenate(groups)

    # channels differ a lot in absolute power, put everything on the same scale
    scaler = StandardScaler()
    X = scaler.fit_transform(X)
    return X, y, groups
