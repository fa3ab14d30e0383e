"""Left vs right hand motor imagery, EEG Motor Movement/Imagery dataset (PhysioNet).

Runs 4, 8, 12 = imagery of left/right fist. Per-subject CSP + LDA decoder.
usage: python mi_csp_lda.py --subjects 1 2 3 4 5
"""
import argparse

import numpy as np
import mne
from mne.datasets import eegbci
from mne.decoding import CSP
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split

RUNS = [4, 8, 12]
TMIN, TMAX = -1.0, 4.0


def load_subject(subject):
    fnames = eegbci.load_data(subject, RUNS)
    raw = mne.io.concatenate_raws([mne.io.read_raw_edf(f, preload=True, verbose="error") for f in fnames])
    eegbci.standardize(raw)
    raw.set_montage(mne.channels.make_standard_montage("standard_1005"))
    raw.annotations.rename(dict(T1="left", T2="right"))
    raw.filter(8.0, 30.0, fir_design="firwin", skip_by_annotation="edge", verbose="error")
    picks = mne.pick_types(raw.info, eeg=True, exclude="bads")
    epochs = mne.Epochs(raw, event_id=["left", "right"], tmin=TMIN, tmax=TMAX, picks=picks,
                        baseline=None, preload=True, verbose="error")
    # use the 1-2 s window after cue onset, as in the MNE example
    epochs = epochs.crop(tmin=1.0, tmax=2.0)
    X = epochs.get_data(copy=False)
    y = (epochs.events[:, -1] == epochs.event_id["right"]).astype(int)
    return X, y


def csp_features(X, y, n_components):
    csp = CSP(n_components=n_components, reg="ledoit_wolf", log=True, norm_trace=False)
    return csp.fit_transform(X, y)


def run_subject(subject, n_components, seed):
    X, y = load_subject(subject)
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, stratify=y, random_state=seed)

    F_tr = csp_features(X_tr, y_tr, n_components)
    F_te = csp_features(X_te, y_te, n_components)

    lda = LinearDiscriminantAnalysis()
    lda.fit(F_tr, y_tr)
    acc = accuracy_score(y_te, lda.predict(F_te))
    auc = roc_auc_score(y_te, lda.decision_function(F_te))
    return acc, auc, len(y_tr), len(y_te)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", type=int, nargs="+", default=list(range(1, 11)))
    ap.add_argument("--n-components", type=int, default=4)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    results = []
    for s in args.subjects:
        acc, auc, n_tr, n_te = run_subject(s, args.n_components, args.seed)
        results.append((acc, auc))
        print(f"S{s:03d}  train={n_tr:3d} test={n_te:3d}  acc={acc:.3f}  auc={auc:.3f}")
    res = np.array(results)
    print(f"mean acc {res[:, 0].mean():.3f} +- {res[:, 0].std():.3f}, mean auc {res[:, 1].mean():.3f}")


if __name__ == "__main__":
    main()
