import json
import sys

import numpy as np
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from io_utils import load_all


def main(cfg_path):
    with open(cfg_path) as f:
        cfg = json.load(f)

    X, y, groups = load_all(cfg)
    print(f"{len(y)} trials from {len(np.unique(groups))} subjects, {X.shape[1]} features")

    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_size"])
    train_idx, test_idx = next(gss.split(X, y, groups))
    print("test subjects:", sorted(set(groups[test_idx])))

    clf = make_pipeline(
        StandardScaler(),
        PCA(n_components=cfg["pca_variance"], svd_solver="full", random_state=cfg["seed"]),
        LogisticRegression(C=cfg["C"], max_iter=5000, multi_class="multinomial",
                           random_state=cfg["seed"]),
    )
    clf.fit(X[train_idx], y[train_idx])
    y_pred = clf.predict(X[test_idx])

    names = list(cfg["conditions"])
    print(f"PCA kept {clf[1].n_components_} components")
    print(f"balanced accuracy (unseen subjects): {balanced_accuracy_score(y[test_idx], y_pred):.3f}")
    print(classification_report(y[test_idx], y_pred, target_names=names, digits=3))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
