"""Patient-specific seizure prediction (preictal vs interictal) on CHB-MIT.

Preictal  = the 30 min before a seizure onset (minus a 5 min horizon).
Interictal = at least 4 h away from any seizure.
Windows of 5 s with 50 % overlap are cut from the continuous recordings.

    python predict_chb.py --patient chb01 --seizures seizures_chb01.csv
"""
import argparse

import mne
import numpy as np
import pandas as pd
from scipy.signal import welch
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

WIN_S, STEP_S = 5.0, 2.5
PREICTAL_S, HORIZON_S, INTERICTAL_GAP_S = 30 * 60, 5 * 60, 4 * 3600
BANDS = [(0.5, 4), (4, 8), (8, 13), (13, 30), (30, 50), (50, 100)]


def window_features(x, fs):
    f, pxx = welch(x, fs=fs, nperseg=int(fs * 2), axis=-1)
    bp = [np.log(pxx[:, (f >= lo) & (f < hi)].mean(axis=1) + 1e-12) for lo, hi in BANDS]
    ll = np.log(np.abs(np.diff(x, axis=-1)).sum(axis=-1))
    return np.concatenate(bp + [ll, np.log(x.var(axis=-1) + 1e-12)])


def label_window(t_abs, onsets):
    """1 preictal, 0 interictal, -1 discard. t_abs = window start in seconds since first file."""
    d = onsets - t_abs
    if np.any((d > HORIZON_S) & (d <= PREICTAL_S + HORIZON_S)):
        return 1
    if np.all(np.abs(onsets - t_abs) > INTERICTAL_GAP_S):
        return 0
    return -1


def build_windows(patient, seizure_csv, data_dir):
    sz = pd.read_csv(seizure_csv)  # edf_file, file_start_s, onset_s (absolute seconds)
    onsets = sz["onset_s"].dropna().to_numpy()
    files = sz.drop_duplicates("edf_file")[["edf_file", "file_start_s"]].sort_values("file_start_s")
    X, y, t = [], [], []
    for edf, file_start in files.itertuples(index=False):
        raw = mne.io.read_raw_edf(f"{data_dir}/{patient}/{edf}", preload=True, verbose="error")
        raw.filter(0.5, 100.0, verbose="error").notch_filter(60.0, verbose="error")
        fs = raw.info["sfreq"]
        data = raw.get_data()
        win, step = int(WIN_S * fs), int(STEP_S * fs)
        for start in range(0, data.shape[1] - win + 1, step):
            t_abs = file_start + start / fs
            lab = label_window(t_abs, onsets)
            if lab < 0:
                continue
            X.append(window_features(data[:, start:start + win], fs))
            y.append(lab)
            t.append(t_abs)
    return np.array(X), np.array(y), np.array(t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--patient", default="chb01")
    ap.add_argument("--seizures", default="seizures_chb01.csv")
    ap.add_argument("--data-dir", default="/data/chb-mit")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    X, y, t = build_windows(args.patient, args.seizures, args.data_dir)
    print(f"{len(y)} windows, {y.sum()} preictal, span {(t.max() - t.min()) / 3600:.1f} h")

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, shuffle=True,
                                              stratify=y, random_state=args.seed)

    clf = RandomForestClassifier(n_estimators=500, min_samples_leaf=2, class_weight="balanced_subsample",
                                 n_jobs=-1, random_state=args.seed)
    clf.fit(X_tr, y_tr)
    proba = clf.predict_proba(X_te)[:, 1]
    print(classification_report(y_te, (proba >= 0.5).astype(int), target_names=["interictal", "preictal"]))
    print(f"AUC {roc_auc_score(y_te, proba):.4f}")


if __name__ == "__main__":
    main()
