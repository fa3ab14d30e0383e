"""Hands vs feet motor imagery decoding (PhysioNet EEGBCI runs 6, 10, 14).

Follows the MNE "Motor imagery decoding from EEG data using CSP" recipe, per subject.
"""
import argparse

import matplotlib.pyplot as plt
import numpy as np
import mne
from mne.datasets import eegbci
from mne.decoding import CSP
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.model_selection import ShuffleSplit, cross_val_score
from sklearn.pipeline import Pipeline

RUNS = [6, 10, 14]  # motor imagery: hands vs feet


def get_epochs(subject):
    raw_fnames = eegbci.load_data(subject, runs=RUNS)
    raw = mne.io.concatenate_raws([mne.io.read_raw_edf(f, preload=True, verbose="error") for f in raw_fnames])
    eegbci.standardize(raw)
    raw.set_montage(mne.channels.make_standard_montage("standard_1005"))
    raw.annotations.rename(dict(T1="hands", T2="feet"))
    raw.set_eeg_reference(projection=True)
    # band-pass the continuous recording before epoching (mu/beta band)
    raw.filter(7.0, 30.0, fir_design="firwin", skip_by_annotation="edge", verbose="error")
    picks = mne.pick_types(raw.info, meg=False, eeg=True, stim=False, eog=False, exclude="bads")
    epochs = mne.Epochs(raw, event_id=["hands", "feet"], tmin=-1.0, tmax=4.0, proj=True,
                        picks=picks, baseline=None, preload=True, verbose="error")
    return epochs


def decode(subject, n_components, n_splits, seed, plot):
    epochs = get_epochs(subject)
    epochs_train = epochs.copy().crop(tmin=1.0, tmax=2.0)
    labels = epochs.events[:, -1] - 2
    X = epochs_train.get_data(copy=False)

    cv = ShuffleSplit(n_splits, test_size=0.2, random_state=seed)
    clf = Pipeline([("CSP", CSP(n_components=n_components, reg=None, log=True, norm_trace=False)),
                    ("LDA", LinearDiscriminantAnalysis())])
    scores = cross_val_score(clf, X, labels, cv=cv, n_jobs=1)
    chance = max(np.mean(labels == labels[0]), 1.0 - np.mean(labels == labels[0]))

    if plot:
        # spatial patterns for the report
        csp = CSP(n_components=n_components, reg=None, log=True, norm_trace=False)
        csp.fit(X, labels)
        csp.plot_patterns(epochs.info, ch_type="eeg", units="Patterns (AU)", size=1.5)
        plt.savefig(f"csp_patterns_S{subject:03d}.png", dpi=120)
        plt.close("all")
    return scores.mean(), scores.std(), chance


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--subjects", type=int, nargs="+", default=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    ap.add_argument("--n-components", type=int, default=4)
    ap.add_argument("--n-splits", type=int, default=10)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--plot", action="store_true")
    args = ap.parse_args()

    rows = []
    for s in args.subjects:
        mean, std, chance = decode(s, args.n_components, args.n_splits, args.seed, args.plot)
        rows.append(mean)
        print(f"S{s:03d}: accuracy {mean:.3f} +- {std:.3f}   (chance {chance:.3f})")
    print(f"grand mean accuracy {np.mean(rows):.3f}")


if __name__ == "__main__":
    main()
