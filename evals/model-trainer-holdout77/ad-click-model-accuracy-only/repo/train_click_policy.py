"""Hashed logistic click model for the sponsored-slot contextual bandit.

The greedy policy serves the ad with the highest predicted click probability;
exploration traffic (5% uniform) is what we train on. Positives are ~1.8% of
impressions, hence class_weight="balanced".
"""
import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

SEED = 1234
HASH_DIM = 2 ** 20
CAT_FIELDS = ["ad_id", "advertiser_id", "slot", "device", "geo", "hour", "query_cat"]


def to_tokens(df):
    """Field=value tokens plus ad x context crosses for the hashing trick."""
    records = []
    for row in df[CAT_FIELDS].astype(str).itertuples(index=False):
        d = dict(zip(CAT_FIELDS, row))
        tokens = [f"{k}={v}" for k, v in d.items()]
        tokens += [f"ad_x_slot={d['ad_id']}|{d['slot']}",
                   f"ad_x_query={d['ad_id']}|{d['query_cat']}",
                   f"adv_x_geo={d['advertiser_id']}|{d['geo']}"]
        records.append(tokens)
    return records


def main(path, out):
    np.random.seed(SEED)
    logs = pd.read_parquet(path)
    logs = logs[logs["bucket"] == "explore"].reset_index(drop=True)
    y = logs["click"].astype(int).to_numpy()
    print(f"explore impressions: {len(logs):,}   click rate: {y.mean():.3%}")

    hasher = FeatureHasher(n_features=HASH_DIM, input_type="string", alternate_sign=False)
    X = hasher.transform(to_tokens(logs))

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=SEED
    )

    clf = SGDClassifier(
        loss="log_loss",
        penalty="l2",
        alpha=1e-6,
        class_weight="balanced",
        max_iter=20,
        tol=1e-4,
        random_state=SEED,
    )
    clf.fit(X_train, y_train)

    train_acc = accuracy_score(y_train, clf.predict(X_train))
    test_acc = accuracy_score(y_test, clf.predict(X_test))
    print(f"train accuracy: {train_acc:.4f}")
    print(f"test accuracy:  {test_acc:.4f}")

    joblib.dump({"hasher": hasher, "model": clf}, out)
    print(f"saved click policy model to {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--logs", default="data/sponsored_slot_logs.parquet")
    parser.add_argument("--out", default="models/click_sgd.joblib")
    args = parser.parse_args()
    main(args.logs, args.out)
