"""Fake/spam app-review detector. Reviews are deduplicated, then split so no author spans train and test."""
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import FeatureUnion, make_pipeline

from dedup import drop_near_duplicates

SEED = 3

reviews = pd.read_csv("data/app_reviews_moderation.csv").dropna(subset=["body", "is_spam", "author_id"])
n_raw = len(reviews)
reviews = drop_near_duplicates(reviews, "body").reset_index(drop=True)
print(f"{n_raw} -> {len(reviews)} reviews after dedup; spam rate {reviews['is_spam'].mean():.3f}")

X, y, groups = reviews["body"], reviews["is_spam"].values, reviews["author_id"].values

outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_idx, test_idx = next(outer.split(X, y, groups))
assert not set(groups[train_idx]) & set(groups[test_idx])
X_train, X_test, y_train, y_test = X.iloc[train_idx], X.iloc[test_idx], y[train_idx], y[test_idx]
g_train = groups[train_idx]


def make_model(C):
    feats = FeatureUnion([
        ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
        ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=3, sublinear_tf=True)),
    ])
    return make_pipeline(feats, LogisticRegression(C=C, max_iter=3000, class_weight="balanced"))


inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
cv_pr = {}
for C in [0.3, 1.0, 3.0, 10.0]:
    res = cross_validate(make_model(C), X_train, y_train, groups=g_train, cv=inner, scoring="average_precision")
    cv_pr[C] = res["test_score"].mean()
    print(f"C={C:<5} grouped-CV PR-AUC {cv_pr[C]:.4f}")
best_C = max(cv_pr, key=cv_pr.get)

model = make_model(best_C).fit(X_train, y_train)
prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
for name, m in [("prior", prior), (f"tfidf-lr C={best_C}", model)]:
    p = m.predict_proba(X_test)[:, 1]
    print(f"{name:>18}: ROC-AUC {roc_auc_score(y_test, p):.4f}  PR-AUC {average_precision_score(y_test, p):.4f}")
