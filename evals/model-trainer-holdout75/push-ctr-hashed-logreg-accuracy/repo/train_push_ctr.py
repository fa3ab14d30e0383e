"""Push-notification open model: hashed logistic regression trained with SGD.

Roughly 3% of sent notifications are opened. The model decides which of the
candidate notifications to send each user in the evening batch.
"""
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score

LOG_PATH = "data/push_sends_2024-04.csv"
N_FEATURES = 2 ** 22
SEED = 31


def row_tokens(row):
    hour = row.sent_at.hour
    return [
        f"user={row.user_id}",
        f"template={row.template_id}",
        f"topic={row.topic}",
        f"os={row.os}",
        f"hour={hour}",
        f"dow={row.sent_at.dayofweek}",
        f"topic_x_hour={row.topic}_{hour}",
        f"template_x_os={row.template_id}_{row.os}",
        f"days_since_open={min(row.days_since_last_open, 30)}",
        f"pushes_24h={min(row.pushes_last_24h, 10)}",
    ]


def main():
    sends = pd.read_csv(LOG_PATH, parse_dates=["sent_at"]).sort_values("sent_at")
    sends["days_since_last_open"] = sends["days_since_last_open"].fillna(30).astype(int)
    print(f"{len(sends):,} sends, open rate {sends['opened'].mean():.3%}")

    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    X = hasher.transform(row_tokens(r) for r in sends.itertuples(index=False))
    y = sends["opened"].to_numpy()

    cut = int(len(sends) * 0.8)
    X_train, X_test = X[:cut], X[cut:]
    y_train, y_test = y[:cut], y[cut:]

    clf = SGDClassifier(loss="log_loss", alpha=1e-6, penalty="l2", max_iter=5, tol=None,
                        class_weight=None, random_state=SEED)
    clf.fit(X_train, y_train)

    majority = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    results = {
        "model_accuracy": accuracy_score(y_test, clf.predict(X_test)),
        "majority_accuracy": accuracy_score(y_test, majority.predict(X_test)),
        "n_train": int(cut),
        "n_test": int(len(y_test)),
    }
    print(json.dumps(results, indent=2))

    joblib.dump({"model": clf, "n_features": N_FEATURES}, "push_ctr_sgd.joblib")
    with open("push_ctr_metrics.json", "w") as fh:
        json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
