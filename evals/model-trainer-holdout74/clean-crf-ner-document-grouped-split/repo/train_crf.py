"""Train and evaluate the CRF tagger for the newsroom entity linker.

    python train_crf.py data/newsroom_ner.jsonl data/gazetteer_orgs.txt
"""
import itertools
import json
import sys
from collections import Counter, defaultdict

import joblib
import sklearn_crfsuite
from seqeval.metrics import classification_report, f1_score, precision_score, recall_score

from ner.features import sent_features
from ner.splits import split_by_document

SEED = 8
C1_GRID = [0.01, 0.05, 0.1, 0.3]
C2_GRID = [0.005, 0.01, 0.05, 0.1]


def load(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def featurise(sents, gazetteer):
    return [sent_features(s["tokens"], gazetteer) for s in sents], [s["tags"] for s in sents]


def memorisation_baseline(train_sents):
    counts = defaultdict(Counter)
    for s in train_sents:
        for tok, tag in zip(s["tokens"], s["tags"]):
            counts[tok.lower()][tag] += 1
    lookup = {tok: c.most_common(1)[0][0] for tok, c in counts.items()}

    def tag(sents):
        return [[lookup.get(t.lower(), "O") for t in s["tokens"]] for s in sents]

    return tag


def fit_crf(X, y, c1, c2):
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=c1, c2=c2, max_iterations=200, all_possible_transitions=True)
    crf.fit(X, y)
    return crf


def main(data_path, gazetteer_path):
    sentences = load(data_path)
    gazetteer = {line.strip().lower() for line in open(gazetteer_path, encoding="utf-8") if line.strip()}
    print(f"{len(sentences)} sentences from {len({s['doc_id'] for s in sentences})} articles")

    train_dev, test = split_by_document(sentences, test_size=0.2, seed=SEED)
    train, dev = split_by_document(train_dev, test_size=0.15, seed=SEED)

    X_train, y_train = featurise(train, gazetteer)
    X_dev, y_dev = featurise(dev, gazetteer)
    X_test, y_test = featurise(test, gazetteer)

    scores = {}
    for c1, c2 in itertools.product(C1_GRID, C2_GRID):
        crf = fit_crf(X_train, y_train, c1, c2)
        scores[(c1, c2)] = f1_score(y_dev, crf.predict(X_dev))
        print(f"c1={c1} c2={c2} dev F1={scores[(c1, c2)]:.4f}")
    c1, c2 = max(scores, key=scores.get)
    print(f"selected c1={c1} c2={c2} (dev F1 {scores[(c1, c2)]:.4f})")

    final = fit_crf(X_train + X_dev, y_train + y_dev, c1, c2)
    y_pred = final.predict(X_test)
    y_base = memorisation_baseline(train + dev)(test)

    results = {
        "baseline": {"precision": precision_score(y_test, y_base), "recall": recall_score(y_test, y_base),
                     "f1": f1_score(y_test, y_base)},
        "crf": {"precision": precision_score(y_test, y_pred), "recall": recall_score(y_test, y_pred),
                "f1": f1_score(y_test, y_pred), "c1": c1, "c2": c2},
    }
    print(json.dumps(results, indent=2))
    print(classification_report(y_test, y_pred, digits=4))
    joblib.dump(final, "models/newsroom_crf.joblib")


if __name__ == "__main__":
    main(*sys.argv[1:3])
