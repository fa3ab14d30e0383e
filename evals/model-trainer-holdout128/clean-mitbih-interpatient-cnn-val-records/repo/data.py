import numpy as np
import wfdb
from scipy.signal import butter, sosfiltfilt

AAMI = {"N": 0, "L": 0, "R": 0, "e": 0, "j": 0, "A": 1, "a": 1, "J": 1, "S": 1, "V": 2, "E": 2, "F": 3}


def load_records(mitdb_dir, records, window):
    beats, rr, labels = [], [], []
    for rec in records:
        sig, fields = wfdb.rdsamp(f"{mitdb_dir}/{rec}", channels=[0])
        fs = fields["fs"]
        sos = butter(4, [0.5, 45.0], btype="bandpass", fs=fs, output="sos")
        ecg = sosfiltfilt(sos, sig[:, 0])
        ann = wfdb.rdann(f"{mitdb_dir}/{rec}", "atr")
        r_peaks = np.asarray(ann.sample)
        lo, hi = int(window[0] * fs), int(window[1] * fs)
        for i in range(1, len(r_peaks) - 1):
            sym, r = ann.symbol[i], r_peaks[i]
            if sym not in AAMI or r + lo < 0 or r + hi > len(ecg):
                continue
            seg = ecg[r + lo: r + hi]
            beats.append((seg - seg.mean()) / (seg.std() + 1e-8))
            pre, post = (r - r_peaks[i - 1]) / fs, (r_peaks[i + 1] - r) / fs
            local = np.diff(r_peaks[max(0, i - 10): i + 1]).mean() / fs
            rr.append([pre, post, pre / local])
            labels.append(AAMI[sym])
    return (np.asarray(beats, np.float32)[:, None, :], np.asarray(rr, np.float32),
            np.asarray(labels, np.int64))
