"""
Motor imagery (left vs right hand), BCI Competition IV 2a.
Train on the calibration session (T), evaluate on the evaluation session (E).
Filter-bank CSP + shrinkage LDA.
"""
import os
import numpy as np
import mne
from mne.decoding import CSP
from scipy.io import loadmat
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
from sklearn.metrics import accuracy_score, cohen_kappa_score

mne.set_log_level("ERROR")

DATA_DIR = os.environ.get("BCI2A_DIR", "data/BCICIV_2a")
FILTER_BANK = [(4, 8), (8, 12), (12, 16), (16, 20), (20, 24), (24, 28), (28, 32)]
TMIN, TMAX = 0.5, 2.5
EOG = ["EOG-left", "EOG-central", "EOG-right"]


def load_session(subject, session):
    raw = mne.io.read_raw_gdf(f"{DATA_DIR}/A{subject:02d}{session}.gdf", eog=EOG, preload=True)
    raw.drop_channels(EOG)
    events, _ = mne.events_from_annotations(raw, event_id={"768": 1})  # trial start
    # true labels come from the companion .mat files (E sessions have no cue codes in the gdf)
    labels = loadmat(f"{DATA_DIR}/true_labels/A{subject:02d}{session}.mat")["classlabel"].ravel()
    keep = np.isin(labels, [1, 2])  # 1 = left hand, 2 = right hand
    return raw, events[keep], labels[keep] - 1


def band_epochs(raw, events, fmin, fmax):
    filt = raw.copy().filter(fmin, fmax, method="iir", iir_params=dict(order=4, ftype="butter"))
    # cue appears 2 s after trial start
    ep = mne.Epochs(filt, events, tmin=2.0 + TMIN, tmax=2.0 + TMAX, baseline=None, preload=True)
    return ep.get_data(copy=False)


def fbcsp_features(raw, events, labels, csps):
    feats = []
    for (fmin, fmax), csp in zip(FILTER_BANK, csps):
        X = band_epochs(raw, events, fmin, fmax)
        feats.append(csp.fit_transform(X, labels))
    return np.concatenate(feats, axis=1)


def run_subject(subject):
    raw_t, ev_t, y_t = load_session(subject, "T")
    raw_e, ev_e, y_e = load_session(subject, "E")

    csps = [CSP(n_components=4, reg="ledoit_wolf", log=True) for _ in FILTER_BANK]
    X_train = fbcsp_features(raw_t, ev_t, y_t, csps)
    lda = LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")
    lda.fit(X_train, y_t)

    X_eval = fbcsp_features(raw_e, ev_e, y_e, csps)
    y_pred = lda.predict(X_eval)
    return accuracy_score(y_e, y_pred), cohen_kappa_score(y_e, y_pred)


if __name__ == "__main__":
    rows = []
    for subject in range(1, 10):
        acc, kappa = run_subject(subject)
        rows.append((subject, acc, kappa))
        print(f"A{subject:02d}: acc={acc:.3f} kappa={kappa:.3f}")
    accs = np.array([r[1] for r in rows])
    kappas = np.array([r[2] for r in rows])
    print(f"mean acc={accs.mean():.3f} (sd {accs.std():.3f}), mean kappa={kappas.mean():.3f}")
