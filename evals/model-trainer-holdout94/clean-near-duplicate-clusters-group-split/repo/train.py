"""Comment-spam classifier with near-duplicate-aware splitting.

Spam campaigns post many lightly edited copies of the same template, so copies are
clustered first and every cluster is kept on one side of each split.
"""
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.pipeline import Pipeline

from near_dupes import cluster_near_duplicates

SEED = 21
OUT = Path("artifacts/comment_spam")

comments = pd.read_csv("data/blog_comments_labelled.csv", usecols=["comment_id", "body", "is_spam"])
comments = comments.dropna().drop_duplicates("body").reset_index(drop=True)
comments["cluster"] = cluster_near_duplicates(comments["body"].tolist(), threshold=0.8, seed=SEED)
print(f"{len(comments)} comments in {comments['cluster'].nunique()} near-duplicate clusters, "
      f"spam share {comments['is_spam'].mean():.3f}")

X, y, groups = comments["body"], comments["is_spam"].to_numpy(), comments["cluster"].to_numpy()
outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_idx, test_idx = next(outer.split(X, y, groups))
assert not set(groups[train_idx]) & set(groups[test_idx])

X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y[train_idx], y[test_idx]

pipe = Pipeline([
    ("tfidf", TfidfVectorizer(sublinear_tf=True, min_df=2)),
    ("clf", LogisticRegression(max_iter=3000, class_weight="balanced")),
])
param_grid = {
    "tfidf__analyzer": ["word", "char_wb"],
    "tfidf__ngram_range": [(1, 2), (2, 5)],
    "clf__C": [1.0, 4.0, 16.0],
}
inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, param_grid, scoring="average_precision", cv=inner, n_jobs=-1)
search.fit(X_train, y_train, groups=groups[train_idx])

prior = DummyClassifier(strategy="prior").fit(X_train, y_train)
p_model = search.predict_proba(X_test)[:, 1]
p_prior = prior.predict_proba(X_test)[:, 1]
metrics = {
    "best_params": {k: str(v) for k, v in search.best_params_.items()},
    "cv_pr_auc": float(search.best_score_),
    "test_pr_auc": float(average_precision_score(y_test, p_model)),
    "test_roc_auc": float(roc_auc_score(y_test, p_model)),
    "prior_pr_auc": float(average_precision_score(y_test, p_prior)),
    "test_clusters": int(np.unique(groups[test_idx]).size),
}
print(json.dumps(metrics, indent=2))

OUT.mkdir(parents=True, exist_ok=True)
joblib.dump(search.best_estimator_, OUT / "comment_spam.joblib")
(OUT / "metrics.json").write_text(json.dumps(metrics, indent=2))
