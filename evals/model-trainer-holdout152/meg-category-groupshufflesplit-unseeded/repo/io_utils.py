from pathlib import Path

import mne
import numpy as np


def subject_epochs(bids_root, subject, ch_type):
    fname = Path(bids_root) / f"sub-{subject}" / "meg" / f"sub-{subject}_task-facerecognition_proc-clean_epo.fif"
    epochs = mne.read_epochs(fname, preload=True, verbose="error")
    return epochs.pick(ch_type)


def window_means(epochs, windows):
    """Average sensor amplitude in each post-stimulus window -> (n_epochs, n_sensors * n_windows)."""
    data = epochs.get_data(copy=False)
    times = epochs.times
    out = []
    for t0, t1 in windows:
        sel = (times >= t0) & (times < t1)
        out.append(data[:, :, sel].mean(axis=-1))
    feats = np.concatenate(out, axis=1)
    # fT/cm scale; keeps the solver well conditioned
    return feats * 1e13


def load_all(cfg):
    X, y, groups = [], [], []
    for sub in cfg["subjects"]:
        ep = subject_epochs(cfg["bids_root"], sub, cfg["ch_type"])
        for cond, label in cfg["conditions"].items():
            e = ep[cond]
            X.append(window_means(e, cfg["time_windows"]))
            y.append(np.full(len(e), label))
            groups.append(np.full(len(e), int(sub)))
    return np.concatenate(X), np.concatenate(y), np.concatenate(groups)
