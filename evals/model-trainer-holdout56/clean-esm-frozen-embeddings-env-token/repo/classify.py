"""Thermophilic vs. mesophilic source organism from ESM-2 embeddings.

Sequences were clustered at 40% identity with MMseqs2 (cluster_id column).
"""
import argparse
import json
from collections import Counter

import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 606
AA = "ACDEFGHIKLMNPQRSTVWY"
SCORING = ["roc_auc", "average_precision", "neg_log_loss"]


def composition(seqs):
    rows = []
    for s in seqs:
        c = Counter(s)
        n = max(len(s), 1)
        rows.append([c[a] / n for a in AA])
    return np.asarray(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emb", default="data/esm2_650m_meanpool.npz")
    ap.add_argument("--labels", default="data/thermo_meso_labels.csv")
    ap.add_argument("--out", default="results/thermo_cv.json")
    args = ap.parse_args()
    np.random.seed(SEED)

    npz = np.load(args.emb)
    labels = pd.read_csv(args.labels, index_col="protein_id").loc[npz["ids"]]
    X_emb = npz["emb"]
    X_comp = composition(labels["sequence"].tolist())
    y = (labels["class"] == "thermophilic").astype(int).to_numpy()
    groups = labels["cluster_id"].to_numpy()
    print(f"{len(y)} proteins, {len(set(groups))} clusters, thermophilic {y.mean():.2f}")

    cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
    candidates = {
        "prior": (DummyClassifier(strategy="prior"), X_comp),
        "aa_composition_logreg": (make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000)), X_comp),
        "esm2_logreg": (make_pipeline(StandardScaler(), LogisticRegression(C=0.05, max_iter=5000)), X_emb),
        "esm2_pca64_logreg": (make_pipeline(StandardScaler(), PCA(64, random_state=SEED),
                                            LogisticRegression(max_iter=5000)), X_emb),
    }
    results = {}
    for name, (est, X) in candidates.items():
        res = cross_validate(est, X, y, groups=groups, cv=cv, scoring=SCORING, n_jobs=-1)
        results[name] = {m: [float(res[f"test_{m}"].mean()), float(res[f"test_{m}"].std())] for m in SCORING}
        print(f"{name:>22}: " + "  ".join(f"{m}={v[0]:.3f}±{v[1]:.3f}" for m, v in results[name].items()))

    with open(args.out, "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
