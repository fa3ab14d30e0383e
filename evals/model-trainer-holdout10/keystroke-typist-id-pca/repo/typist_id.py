"""Identify who is typing from the timing of a fixed 10-character passphrase.

Each row = one repetition: hold time of every key (H.*), keydown-keydown (DD.*) and keyup-keydown (UD.*)
latencies. 51 subjects x 400 repetitions collected over 8 sessions.
"""
import sys

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.metrics import accuracy_score, f1_score, top_k_accuracy_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import NearestCentroid
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC


def timing_matrix(df: pd.DataFrame) -> np.ndarray:
    cols = [c for c in df.columns if c.startswith(("H.", "DD.", "UD."))]
    t = df[cols].to_numpy(dtype=float)
    # latencies are right-skewed; UD can be slightly negative (key overlap), so clip before the log
    return np.log(np.clip(t, -0.04, None) + 0.05)


def main(path: str = "data/passphrase_timings.csv") -> None:
    raw = pd.read_csv(path)
    who = raw["subject"].astype("category").cat.codes.to_numpy()
    feats = timing_matrix(raw)

    feats = StandardScaler().fit_transform(feats)
    pca = PCA(n_components=0.98, whiten=True)
    emb = pca.fit_transform(feats)
    print(f"{feats.shape[1]} timings -> {emb.shape[1]} components")

    E_tr, E_te, who_tr, who_te = train_test_split(emb, who, test_size=0.3, stratify=who)

    centroid = NearestCentroid().fit(E_tr, who_tr)
    svm = SVC(C=10.0, gamma="scale", decision_function_shape="ovr").fit(E_tr, who_tr)

    for name, clf in [("nearest centroid", centroid), ("rbf svm", svm)]:
        pred = clf.predict(E_te)
        print(f"{name:17s} acc {accuracy_score(who_te, pred):.3f}  macro-F1 {f1_score(who_te, pred, average='macro'):.3f}")
    print("svm top-3 acc", top_k_accuracy_score(who_te, svm.decision_function(E_te), k=3))


if __name__ == "__main__":
    main(*sys.argv[1:])
