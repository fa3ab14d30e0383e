import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, top_k_accuracy_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.neural_network import MLPClassifier

from features import build_feature_matrix

SEED = 17


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", default="data/asl-signs")
    ap.add_argument("--hidden", type=int, nargs="+", default=[512, 256])
    ap.add_argument("--out", default="artifacts/mlp_islr.joblib")
    args = ap.parse_args()

    meta = pd.read_csv(f"{args.data_root}/train.csv")  # path, participant_id, sequence_id, sign
    with open(f"{args.data_root}/sign_to_prediction_index_map.json") as f:
        sign2idx = json.load(f)
    y = meta["sign"].map(sign2idx).to_numpy()

    X, scaler = build_feature_matrix(meta, args.data_root)
    print("feature matrix", X.shape)

    # hold out whole signers so the score reflects unseen people
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    train_idx, test_idx = next(gss.split(X, y, groups=meta["participant_id"]))
    print(f"train signers: {meta.participant_id.iloc[train_idx].nunique()}, "
          f"test signers: {meta.participant_id.iloc[test_idx].nunique()}")

    clf = MLPClassifier(
        hidden_layer_sizes=tuple(args.hidden),
        alpha=1e-4,
        batch_size=256,
        learning_rate_init=1e-3,
        max_iter=60,
        early_stopping=True,
        validation_fraction=0.1,
        random_state=SEED,
    )
    clf.fit(X[train_idx], y[train_idx])

    proba = clf.predict_proba(X[test_idx])
    pred = clf.classes_[proba.argmax(1)]
    print("test top-1:", accuracy_score(y[test_idx], pred))
    print("test top-5:", top_k_accuracy_score(y[test_idx], proba, k=5, labels=clf.classes_))

    joblib.dump({"scaler": scaler, "model": clf, "sign2idx": sign2idx}, args.out)


if __name__ == "__main__":
    main()
