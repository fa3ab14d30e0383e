import json

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

from strokes.augment import augment_rare_strokes
from strokes.features import build_matrix

SEED = 8
STROKES = ["forehand", "backhand", "serve", "volley", "smash"]


def main():
    rng = np.random.default_rng(SEED)
    meta = pd.read_csv("data/stroke_clips.csv")  # clip_id, match_id, player, stroke
    seqs = np.load("data/stroke_keypoints.npy")  # (N, 32, 17, 2), aligned with meta rows
    labels = meta["stroke"].map({s: i for i, s in enumerate(STROKES)}).to_numpy()
    print(meta["stroke"].value_counts())

    counts = np.bincount(labels, minlength=len(STROKES))
    rare = {i for i, c in enumerate(counts) if c < 0.5 * counts.max()}
    seqs, labels = augment_rare_strokes(seqs, labels, rare, rng, copies=2)
    print("after augmentation:", np.bincount(labels))

    X = build_matrix(seqs)
    X_train, X_test, y_train, y_test = train_test_split(
        X, labels, test_size=0.2, stratify=labels, random_state=SEED)

    dummy = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    model = XGBClassifier(n_estimators=500, learning_rate=0.05, max_depth=5, subsample=0.8,
                          colsample_bytree=0.7, objective="multi:softprob", random_state=SEED)
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    metrics = {
        "macro_f1": f1_score(y_test, pred, average="macro"),
        "balanced_accuracy": balanced_accuracy_score(y_test, pred),
        "dummy_macro_f1": f1_score(y_test, dummy.predict(X_test), average="macro"),
    }
    print(classification_report(y_test, pred, target_names=STROKES, digits=3))
    print(json.dumps(metrics, indent=2))
    model.save_model("models/stroke_xgb.json")


if __name__ == "__main__":
    main()
