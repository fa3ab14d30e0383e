"""Bird species from 10 s clips: MFCC summary features + RBF SVM.

metadata.csv columns: filename, species, recordist, split ("train"/"test", fixed by the
challenge organisers so recordists do not overlap).
"""
import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.preprocessing import LabelEncoder, StandardScaler
from sklearn.svm import SVC

from features import clip_features


def featurize(paths, n_jobs=8):
    return np.stack(Parallel(n_jobs=n_jobs)(delayed(clip_features)(p) for p in paths))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--audio-dir", default="data/xc_clips")
    ap.add_argument("--meta", default="data/xc_clips/metadata.csv")
    ap.add_argument("--out", default="artifacts")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(exist_ok=True)

    meta = pd.read_csv(args.meta)
    enc = LabelEncoder().fit(meta.species)
    tr = meta[meta.split == "train"].reset_index(drop=True)
    te = meta[meta.split == "test"].reset_index(drop=True)

    X_tr = featurize([f"{args.audio_dir}/{f}" for f in tr.filename])
    X_te = featurize([f"{args.audio_dir}/{f}" for f in te.filename])
    y_tr, y_te = enc.transform(tr.species), enc.transform(te.species)

    scaler = StandardScaler()
    X_tr = scaler.fit_transform(X_tr)
    X_te = scaler.fit_transform(X_te)

    clf = SVC(C=10.0, gamma="scale", kernel="rbf", class_weight="balanced", random_state=0)
    clf.fit(X_tr, y_tr)
    pred = clf.predict(X_te)

    dummy = DummyClassifier(strategy="stratified", random_state=0).fit(X_tr, y_tr)
    base = dummy.predict(X_te)

    report = {
        "svm": {"macro_f1": f1_score(y_te, pred, average="macro"),
                "balanced_acc": balanced_accuracy_score(y_te, pred)},
        "dummy": {"macro_f1": f1_score(y_te, base, average="macro"),
                  "balanced_acc": balanced_accuracy_score(y_te, base)},
    }
    print(classification_report(y_te, pred, target_names=enc.classes_))
    print(json.dumps(report, indent=2))
    json.dump(report, open(out / "metrics.json", "w"), indent=2)
    joblib.dump({"scaler": scaler, "svm": clf, "encoder": enc}, out / "svm_mfcc.joblib")


if __name__ == "__main__":
    main()
