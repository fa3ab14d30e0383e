"""TF-IDF + logistic regression baseline, reported next to the transformer."""
import json
import sys

from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score

from .data import TOPICS, load_splits
from .features import tfidf_features, top_terms

SEED = 20240611


def run(path):
    train, _, test = load_splits(path, SEED)
    X_train, vec = tfidf_features(train["text"])
    X_test, _ = tfidf_features(test["text"], vectorizer=vec)

    clf = LogisticRegression(C=5.0, max_iter=4000)
    clf.fit(X_train, train["label"])
    pred = clf.predict(X_test)
    metrics = {
        "accuracy": accuracy_score(test["label"], pred),
        "macro_f1": f1_score(test["label"], pred, average="macro"),
    }
    for i, topic in enumerate(TOPICS):
        print(topic, ", ".join(top_terms(vec, clf.coef_[i], k=8)))
    return metrics


if __name__ == "__main__":
    results = run(sys.argv[1] if len(sys.argv) > 1 else "data/newsroom_topics.parquet")
    print(json.dumps(results, indent=2))
    with open("reports/baseline_tfidf.json", "w") as fh:
        json.dump(results, fh, indent=2)
