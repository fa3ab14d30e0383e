"""Lexical-overlap logistic regression baseline for paraphrase detection."""
import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score


def _overlap_features(vec, s1, s2):
    a, b = vec.transform(s1), vec.transform(s2)
    cosine = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    t1 = [set(x.lower().split()) for x in s1]
    t2 = [set(x.lower().split()) for x in s2]
    jaccard = np.array([len(x & y) / max(len(x | y), 1) for x, y in zip(t1, t2)])
    len_ratio = np.array([min(len(x), len(y)) / max(len(x), len(y), 1) for x, y in zip(t1, t2)])
    return np.column_stack([cosine, jaccard, len_ratio])


def overlap_baseline(train, heldout, seed):
    vec = TfidfVectorizer(min_df=1, sublinear_tf=True).fit(list(train["sentence1"]) + list(train["sentence2"]))
    clf = LogisticRegression(random_state=seed).fit(
        _overlap_features(vec, train["sentence1"], train["sentence2"]), train["label"]
    )
    scores = clf.predict_proba(_overlap_features(vec, heldout["sentence1"], heldout["sentence2"]))[:, 1]
    preds = clf.predict(_overlap_features(vec, heldout["sentence1"], heldout["sentence2"]))
    return {"accuracy": accuracy_score(heldout["label"], preds), "f1": f1_score(heldout["label"], preds),
            "roc_auc": roc_auc_score(heldout["label"], scores)}
