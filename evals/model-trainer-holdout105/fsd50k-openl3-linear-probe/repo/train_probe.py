"""Linear probe on frozen OpenL3 clip embeddings for FSD50K (200 classes, multi-label)."""
import argparse
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.multiclass import OneVsRestClassifier
from sklearn.preprocessing import StandardScaler

from probe.data import load_split, load_vocabulary


def score(Y, P):
    present = Y.sum(axis=0) > 0
    return {
        "mAP": average_precision_score(Y[:, present], P[:, present], average="macro"),
        "roc_auc": roc_auc_score(Y[:, present], P[:, present], average="macro"),
        "f1_micro@0.5": f1_score(Y, (P >= 0.5).astype(int), average="micro", zero_division=0),
    }


def main(cfg):
    vocab = load_vocabulary(cfg["ground_truth"]["vocabulary"])
    dev_df, X_dev, Y_dev = load_split(cfg["embeddings"]["dev"], cfg["ground_truth"]["dev"], vocab)
    _, X_eval, Y_eval = load_split(cfg["embeddings"]["eval"], cfg["ground_truth"]["eval"], vocab)

    is_train = (dev_df["split"] == "train").to_numpy()
    X_tr, Y_tr = X_dev[is_train], Y_dev[is_train]
    X_val, Y_val = X_dev[~is_train], Y_dev[~is_train]
    print(f"train {len(X_tr)}  val {len(X_val)}  eval {len(X_eval)}")

    scaler = StandardScaler()
    scaler.fit(np.vstack([X_dev, X_eval]))
    X_tr, X_val, X_eval = (scaler.transform(a) for a in (X_tr, X_val, X_eval))

    prior = Y_tr.mean(axis=0)
    print("label-prior baseline (val):", score(Y_val, np.tile(prior, (len(Y_val), 1))))

    best_C, best_map, best_clf = None, -1.0, None
    for C in cfg["probe"]["C_grid"]:
        clf = OneVsRestClassifier(
            LogisticRegression(C=C, max_iter=cfg["probe"]["max_iter"], random_state=cfg["probe"]["seed"]),
            n_jobs=-1,
        )
        clf.fit(X_tr, Y_tr)
        val_scores = score(Y_val, clf.predict_proba(X_val))
        print(f"C={C}: {val_scores}")
        if val_scores["mAP"] > best_map:
            best_C, best_map, best_clf = C, val_scores["mAP"], clf

    print(f"selected C={best_C}")
    print("eval:", score(Y_eval, best_clf.predict_proba(X_eval)))

    out = Path(cfg["output"])
    out.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"scaler": scaler, "clf": best_clf, "vocab": vocab}, out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    with open(ap.parse_args().config) as fh:
        main(yaml.safe_load(fh))
