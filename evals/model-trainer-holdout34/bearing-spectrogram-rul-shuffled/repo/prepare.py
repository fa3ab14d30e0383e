"""Turn run-to-failure vibration snapshots into log-spectrogram tensors + RUL targets.

Each bearing directory holds one 1-second snapshot every 10 minutes (files named by
timestamp) from installation until failure. RUL target = minutes until the last snapshot.
"""
import glob
import os

import numpy as np
import pandas as pd
from scipy import signal

FS = 25600
BEARINGS = ["Bearing1_1", "Bearing1_2", "Bearing2_1", "Bearing2_2", "Bearing3_1"]


def snapshot_spec(path):
    acc = pd.read_csv(path, header=None).iloc[:, 4].to_numpy(np.float32)  # horizontal accel
    _, _, sxx = signal.spectrogram(acc, fs=FS, nperseg=512, noverlap=256)
    return np.log1p(sxx[:128]).astype(np.float32)


def build(root="data/femto"):
    specs, rul, bearing_ids, t_idx = [], [], [], []
    for b in BEARINGS:
        files = sorted(glob.glob(os.path.join(root, b, "acc_*.csv")))
        n = len(files)
        for i, f in enumerate(files):
            specs.append(snapshot_spec(f))
            rul.append((n - 1 - i) * 10.0)
            bearing_ids.append(b)
            t_idx.append(i)
    np.savez_compressed("data/femto_specs.npz", X=np.stack(specs), rul=np.array(rul, np.float32),
                        bearing=np.array(bearing_ids), t=np.array(t_idx))


if __name__ == "__main__":
    build()
