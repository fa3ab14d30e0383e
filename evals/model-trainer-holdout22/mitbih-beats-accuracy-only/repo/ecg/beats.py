"""Beat extraction from MIT-BIH records, grouped into the AAMI classes N / S / V / F."""
import numpy as np
import wfdb
from scipy.signal import butter, filtfilt

AAMI = {
    "N": "N", "L": "N", "R": "N", "e": "N", "j": "N",
    "A": "S", "a": "S", "J": "S", "S": "S",
    "V": "V", "E": "V",
    "F": "F",
}
CLASSES = ["N", "S", "V", "F"]

# de Chazal inter-patient protocol (paced records excluded)
DS1 = [101, 106, 108, 109, 112, 114, 115, 116, 118, 119, 122, 124, 201, 203, 205, 207, 208, 209, 215, 220, 223, 230]
DS2 = [100, 103, 105, 111, 113, 117, 121, 123, 200, 202, 210, 212, 213, 214, 219, 221, 222, 228, 231, 232, 233, 234]


def bandpass(sig, fs, lo=0.5, hi=40.0):
    b, a = butter(3, [lo / (fs / 2), hi / (fs / 2)], btype="band")
    return filtfilt(b, a, sig)


def record_beats(rec_id, root="data/mitdb", half=128):
    rec = wfdb.rdrecord(f"{root}/{rec_id}")
    ann = wfdb.rdann(f"{root}/{rec_id}", "atr")
    sig = bandpass(rec.p_signal[:, 0], rec.fs)
    waves, rr_feats, labels = [], [], []
    r = ann.sample
    for k in range(1, len(r) - 1):
        sym = ann.symbol[k]
        if sym not in AAMI or r[k] - half < 0 or r[k] + half > len(sig):
            continue
        seg = sig[r[k] - half: r[k] + half]
        waves.append((seg - seg.mean()) / (seg.std() + 1e-6))  # per-beat normalisation
        pre, post = r[k] - r[k - 1], r[k + 1] - r[k]
        rr_feats.append([pre / rec.fs, post / rec.fs, pre / post])
        labels.append(CLASSES.index(AAMI[sym]))
    return np.array(waves, np.float32), np.array(rr_feats, np.float32), np.array(labels)


def load_records(ids):
    parts = [record_beats(i) for i in ids]
    return tuple(np.concatenate(p) for p in zip(*parts)) + (np.concatenate([[i] * len(p[2]) for i, p in zip(ids, parts)]),)
