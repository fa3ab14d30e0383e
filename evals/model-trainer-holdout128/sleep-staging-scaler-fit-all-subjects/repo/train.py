import argparse

import numpy as np
import yaml
from mne.datasets.sleep_physionet.age import fetch_data
from sklearn.metrics import classification_report, cohen_kappa_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.svm import SVC

from features import EVENT_ID, band_power_features, load_subject_epochs, standardize


def build_dataset(cfg):
    files = fetch_data(subjects=cfg["data"]["subjects"], recording=cfg["data"]["recording"])
    X_all, y_all, groups = [], [], []
    for subj, (psg, hyp) in zip(cfg["data"]["subjects"], files):
        epochs = load_subject_epochs(psg, hyp, cfg["data"]["channels"], cfg["data"]["epoch_sec"])
        X_all.append(band_power_features(epochs))
        y_all.append(epochs.events[:, 2])
        groups.append(np.full(len(epochs), subj))
        print(f"subject {subj}: {len(epochs)} epochs")
    return np.concatenate(X_all), np.concatenate(y_all), np.concatenate(groups)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    X, y, groups = build_dataset(cfg)
    X, _ = standardize(X)

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_size"],
                            random_state=cfg["split"]["seed"])
    train_idx, test_idx = next(gss.split(X, y, groups))
    print("train subjects:", np.unique(groups[train_idx]))
    print("test subjects:", np.unique(groups[test_idx]))

    clf = SVC(C=cfg["model"]["C"], gamma=cfg["model"]["gamma"],
              class_weight=cfg["model"]["class_weight"])
    clf.fit(X[train_idx], y[train_idx])

    y_pred = clf.predict(X[test_idx])
    names = list(EVENT_ID.keys())
    print(classification_report(y[test_idx], y_pred, target_names=names, digits=3))
    print("macro F1: %.3f" % f1_score(y[test_idx], y_pred, average="macro"))
    print("Cohen kappa: %.3f" % cohen_kappa_score(y[test_idx], y_pred))


if __name__ == "__main__":
    main()
