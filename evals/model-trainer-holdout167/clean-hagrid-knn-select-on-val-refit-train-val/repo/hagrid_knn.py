"""kNN / logistic baselines on HaGRID hand landmarks, split by user_id."""
import argparse
import glob
import json
import os

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 12


def load_hagrid(ann_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(ann_dir, "*.json"))):
        gesture = os.path.splitext(os.path.basename(path))[0]
        for image_id, ann in json.load(open(path)).items():
            for label, lm in zip(ann["labels"], ann["landmarks"]):
                if label != gesture or len(lm) != 21:
                    continue
                pts = np.asarray(lm, dtype=np.float32)
                pts = pts - pts[0]
                pts /= np.linalg.norm(pts[9]) + 1e-6
                if ann.get("leading_hand") == "left":
                    pts[:, 0] *= -1
                rows.append({"image_id": image_id, "user_id": ann["user_id"], "gesture": gesture, "feat": pts.reshape(-1)})
    return pd.DataFrame(rows)


def candidates():
    for k in (3, 5, 9, 15):
        yield f"knn_k{k}", lambda k=k: make_pipeline(StandardScaler(), KNeighborsClassifier(k, weights="distance"))
    for c in (0.3, 1.0, 3.0):
        yield f"logreg_C{c}", lambda c=c: make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=2000))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ann-dir", default="data/hagrid/ann_train_val")
    args = ap.parse_args()

    df = load_hagrid(args.ann_dir)
    X, y, users = np.stack(df["feat"]), df["gesture"].to_numpy(), df["user_id"].to_numpy()
    print(f"{len(df)} hands, {df.user_id.nunique()} users, {df.gesture.nunique()} gestures")

    dev, test = next(GroupShuffleSplit(1, test_size=0.15, random_state=SEED).split(X, y, users))
    tr_rel, va_rel = next(GroupShuffleSplit(1, test_size=0.15, random_state=SEED).split(X[dev], y[dev], users[dev]))
    tr, va = dev[tr_rel], dev[va_rel]

    scores = {}
    for name, make in candidates():
        model = make().fit(X[tr], y[tr])
        scores[name] = f1_score(y[va], model.predict(X[va]), average="macro")
        print(f"{name:14s} val macro-F1 {scores[name]:.4f}")
    best_name = max(scores, key=scores.get)
    print("selected:", best_name)

    final = dict(candidates())[best_name]()
    final.fit(X[dev], y[dev])
    pred = final.predict(X[test])
    print(f"test users: acc {accuracy_score(y[test], pred):.4f}  macro-F1 {f1_score(y[test], pred, average='macro'):.4f}")


if __name__ == "__main__":
    main()
