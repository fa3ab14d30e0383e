"""Route news headlines to one of 8 desks.

Text representation: TF-IDF + truncated SVD (LSA) learned on a separate *unlabeled* headline archive
(2019-2021, other outlets). The labelled set (2023 headlines) never enters that fit.
"""
import json

import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, log_loss
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline

SEED = 2023


def read_archive(path):
    with open(path, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip()]


archive = read_archive("data/unlabeled_headlines_2019_2021.txt")
labelled = pd.read_csv("data/headlines_2023_labelled.csv").drop_duplicates("headline")

overlap = set(archive) & set(labelled["headline"])
assert not overlap, f"{len(overlap)} labelled headlines also appear in the unlabeled archive"

lsa = make_pipeline(
    TfidfVectorizer(min_df=5, max_df=0.5, ngram_range=(1, 2), sublinear_tf=True),
    TruncatedSVD(n_components=300, random_state=SEED),
)
archive_vecs = lsa.fit_transform(archive)
print("archive docs", archive_vecs.shape[0], "explained variance", lsa[-1].explained_variance_ratio_.sum().round(3))

texts_tr, texts_te, desk_tr, desk_te = train_test_split(
    labelled["headline"], labelled["desk"], test_size=0.2, stratify=labelled["desk"], random_state=SEED
)
emb_tr, emb_te = lsa.transform(texts_tr), lsa.transform(texts_te)

search = GridSearchCV(
    LogisticRegression(max_iter=3000),
    {"C": np.logspace(-2, 2, 9)},
    scoring="f1_macro",
    cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
)
search.fit(emb_tr, desk_tr)
clf = search.best_estimator_
majority = DummyClassifier(strategy="most_frequent").fit(emb_tr, desk_tr)

pred = clf.predict(emb_te)
result = {
    "best_C": float(search.best_params_["C"]),
    "test_macro_f1": f1_score(desk_te, pred, average="macro"),
    "test_log_loss": log_loss(desk_te, clf.predict_proba(emb_te), labels=clf.classes_),
    "majority_macro_f1": f1_score(desk_te, majority.predict(emb_te), average="macro"),
}
print(json.dumps(result, indent=2))
print(classification_report(desk_te, pred, digits=3))
