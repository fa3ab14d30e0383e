"""Loading of pre-segmented UCI-style inertial windows stored as .npz per subject."""
from pathlib import Path

import numpy as np

ACTIVITIES = ["walking", "upstairs", "downstairs", "sitting", "standing", "lying"]


def load_windows(root: str):
    """Return windows (n, t, c), integer labels and subject ids for every subject file."""
    windows, labels, subjects = [], [], []
    for path in sorted(Path(root).glob("subject_*.npz")):
        blob = np.load(path)
        sid = int(path.stem.split("_")[1])
        windows.append(blob["windows"])
        labels.append(blob["labels"])
        subjects.append(np.full(len(blob["labels"]), sid))
    return np.concatenate(windows), np.concatenate(labels), np.concatenate(subjects)
